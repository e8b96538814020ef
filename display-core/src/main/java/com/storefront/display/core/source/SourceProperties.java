package com.storefront.display.core.source;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code display.source.*}: how an app reaches the source APIs, the same settings in every app (each
 * app's {@code application.yaml} sets the values that suit it).
 *
 * @param baseUrl              e.g. {@code http://127.0.0.1:8090}
 * @param timeout              per request, connecting included
 * @param concurrency          requests in flight per ingest poll (thin events being enriched)
 * @param attempts             tries of one batch call while the circuit stays closed; ingest does not
 *                             retry in place, it defers the event to the failure store
 * @param requestsPerSecond    rate limit of the batch jobs' calls over all partitions of one instance
 * @param failureRateThreshold percent of failed calls in the window that opens the circuit
 * @param slidingWindow        calls the failure rate is measured over
 * @param openFor              how long the circuit stays open before probing again
 */
@ConfigurationProperties("display.source")
public record SourceProperties(@DefaultValue("http://127.0.0.1:8090") String baseUrl,
                               @DefaultValue("2s") Duration timeout, @DefaultValue("32") int concurrency,
                               @DefaultValue("3") int attempts, @DefaultValue("2000") int requestsPerSecond,
                               @DefaultValue("50") float failureRateThreshold, @DefaultValue("20") int slidingWindow,
                               @DefaultValue("10s") Duration openFor) {

    /** The circuit breaker every app's source calls go through, in its {@code CircuitBreakerRegistry}. */
    public static final String CIRCUIT = "source-api";

    public SourceProperties {
        requirePositive(concurrency, "concurrency");
        requirePositive(attempts, "attempts");
        requirePositive(requestsPerSecond, "requests-per-second");
        requirePositive(slidingWindow, "sliding-window");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("display.source.timeout must be positive, was " + timeout);
        }
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("display.source." + name + " must be positive, was " + value);
        }
    }
}
