package com.storefront.display.ingest.source;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainJson;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.ingest.IngestProperties;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Fetches entities from the source APIs, behind a circuit breaker and a timeout. A 404 is an answer
 * (the entity is gone), not a failure.
 */
public final class SourceClient {

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;
    private final CircuitBreaker circuitBreaker;

    public SourceClient(IngestProperties.Source settings, CircuitBreaker circuitBreaker) {
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.baseUrl = settings.baseUrl();
        this.timeout = settings.timeout();
        this.circuitBreaker = circuitBreaker;
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    /**
     * The entity as its source has it now; empty when the source says it does not exist.
     *
     * @return fails with {@link SourceUnavailableException} when the circuit is open or the call fails
     */
    public CompletableFuture<Optional<SourceItem>> fetch(Domain domain, long id) {
        if (!circuitBreaker.tryAcquirePermission()) {
            return CompletableFuture.failedFuture(new SourceUnavailableException(
                    "circuit '" + circuitBreaker.getName() + "' is open", null));
        }
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/source/" + domain.sourcePath() + "/" + id))
                .timeout(timeout).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, error) -> {
            long elapsed = System.nanoTime() - start;
            if (error == null && (response.statusCode() == 200 || response.statusCode() == 404)) {
                circuitBreaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
                return response.statusCode() == 404 ? Optional.empty()
                        : Optional.of(SourceItem.fromJson(domain, DomainJson.MAPPER.readTree(response.body())));
            }
            Throwable failure = error != null ? error
                    : new IllegalStateException("source answered " + response.statusCode());
            circuitBreaker.onError(elapsed, TimeUnit.NANOSECONDS, failure);
            throw new SourceUnavailableException("fetching " + domain.sourcePath() + " " + id + " failed: "
                    + failure.getMessage(), failure);
        });
    }
}
