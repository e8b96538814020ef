package com.storefront.display.reconciler.source;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainJson;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourcePage;
import com.storefront.display.reconciler.ReconcilerProperties;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

/**
 * The source APIs as the batch jobs read them: keyset export pages and per-shop listings. Every call
 * waits for the rate limiter, goes through the circuit breaker and has a timeout; a failed call is tried
 * again while the circuit stays closed. An open circuit fails the call at once, so a step fails cleanly
 * instead of hammering a source that is down.
 */
public final class SourceApi {

    private static final Logger log = LoggerFactory.getLogger(SourceApi.class);

    private final HttpClient http;
    private final ReconcilerProperties.Source settings;
    private final CircuitBreaker circuitBreaker;
    private final RateLimiter rateLimiter;

    public SourceApi(ReconcilerProperties.Source settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.circuitBreaker = CircuitBreaker.of("source-api", CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindow())
                .minimumNumberOfCalls(Math.min(10, settings.slidingWindow()))
                .waitDurationInOpenState(settings.openFor())
                .build());
        this.rateLimiter = RateLimiter.of("source-api", RateLimiterConfig.custom()
                .limitForPeriod(settings.requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ofMinutes(1))
                .build());
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    /** The export page after {@code after} (0 for the first), at most {@code limit} items. */
    public SourcePage export(Domain domain, long after, int limit) {
        return page(domain, "/source/" + domain.sourcePath() + "?after=" + after + "&limit=" + limit);
    }

    /** The entity as its source has it now; empty when the source says it does not exist (404). */
    public Optional<SourceItem> find(Domain domain, long id) {
        byte[] body = get("/source/" + domain.sourcePath() + "/" + id, true);
        if (body == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SourceItem.fromJson(domain, DomainJson.MAPPER.readTree(body)));
        } catch (IllegalArgumentException e) {
            throw new SourceUnavailableException(domain.sourcePath() + " " + id + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** Every existing entity of the domain that belongs to the shop. */
    public SourcePage listShop(Domain domain, long shopId) {
        return page(domain, "/source/" + domain.sourcePath() + "?shopId=" + shopId);
    }

    private SourcePage page(Domain domain, String path) {
        byte[] body = get(path, false);
        try {
            return SourcePage.fromJson(domain, body);
        } catch (IllegalArgumentException e) {
            throw new SourceUnavailableException("GET " + path + " returned an unreadable page: " + e.getMessage(), e);
        }
    }

    /** The body of a 200; null for a 404 when {@code notFoundIsAnswer}. */
    private byte[] get(String path, boolean notFoundIsAnswer) {
        SourceUnavailableException last = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            if (!circuitBreaker.tryAcquirePermission()) {
                throw new SourceUnavailableException("circuit '" + circuitBreaker.getName() + "' is open (GET " + path
                        + (last == null ? "" : "; last failure: " + last.getMessage()) + ")", last);
            }
            rateLimiter.acquirePermission();
            long start = System.nanoTime();
            try {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                        .timeout(settings.timeout()).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200 || notFoundIsAnswer && response.statusCode() == 404) {
                    circuitBreaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    return response.statusCode() == 200 ? response.body() : null;
                }
                last = new SourceUnavailableException("GET " + path + " answered " + response.statusCode(), null);
            } catch (IOException e) {
                last = new SourceUnavailableException("GET " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                circuitBreaker.releasePermission();
                throw new SourceUnavailableException("interrupted during GET " + path, e);
            }
            circuitBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, last);
            log.debug("attempt {} of GET {} failed: {}", attempt, path, last.getMessage());
            pause(attempt);
        }
        throw last;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
