package com.storefront.display.core.source;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainJson;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * The source APIs over HTTP, asynchronous, every call through the circuit breaker and with a timeout.
 * An open circuit fails a call at once, without a request.
 */
public final class HttpSourceApi implements SourceApi {

    private final HttpClient http;
    private final SourceProperties settings;
    private final CircuitBreaker circuitBreaker;

    public HttpSourceApi(SourceProperties settings, CircuitBreaker circuitBreaker) {
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.settings = settings;
        this.circuitBreaker = circuitBreaker;
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    @Override
    public CompletableFuture<Optional<SourceItem>> find(Domain domain, long id) {
        String path = Paths.item(domain, id);
        return get(path, true).thenApply(body -> {
            if (body == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(SourceItem.fromJson(domain, DomainJson.MAPPER.readTree(body)));
            } catch (RuntimeException e) {
                throw new SourceUnavailableException("GET " + path + " returned an unreadable item: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public CompletableFuture<SourcePage> listShop(Domain domain, long shopId) {
        return page(domain, Paths.shop(domain, shopId));
    }

    @Override
    public CompletableFuture<SourcePage> export(Domain domain, long after, int limit) {
        return page(domain, Paths.export(domain, after, limit));
    }

    @Override
    public CompletableFuture<ChangePage> changedSince(Domain domain, long since, int limit) {
        String path = Paths.changedSince(domain, since, limit);
        return get(path, false).thenApply(body -> {
            try {
                return ChangePage.fromJson(domain, body);
            } catch (IllegalArgumentException e) {
                throw new SourceUnavailableException("GET " + path + " returned an unreadable change page: " + e.getMessage(), e);
            }
        });
    }

    private CompletableFuture<SourcePage> page(Domain domain, String path) {
        return get(path, false).thenApply(body -> {
            try {
                return SourcePage.fromJson(domain, body);
            } catch (IllegalArgumentException e) {
                throw new SourceUnavailableException("GET " + path + " returned an unreadable page: " + e.getMessage(), e);
            }
        });
    }

    /** The body of a 200; null for a 404 when {@code notFoundIsAnswer}. */
    private CompletableFuture<byte[]> get(String path, boolean notFoundIsAnswer) {
        if (!circuitBreaker.tryAcquirePermission()) {
            return CompletableFuture.failedFuture(SourceUnavailableException.circuitOpen(circuitBreaker.getName(), "GET " + path));
        }
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + path)).timeout(settings.timeout()).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, error) -> {
            long elapsed = System.nanoTime() - start;
            if (error == null && (response.statusCode() == 200 || notFoundIsAnswer && response.statusCode() == 404)) {
                circuitBreaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
                return response.statusCode() == 200 ? response.body() : null;
            }
            SourceUnavailableException failure = error != null
                    ? new SourceUnavailableException("GET " + path + " failed: " + error, error)
                    : new SourceUnavailableException("GET " + path + " answered " + response.statusCode(), null);
            circuitBreaker.onError(elapsed, TimeUnit.NANOSECONDS, failure);
            throw failure;
        });
    }
}
