package com.storefront.display.ingest;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.storefront.display.core.domain.Domain;

/**
 * {@code display.ingest.*}: how stream-ingest writes and retries (the source APIs: {@code display.source.*}).
 *
 * @param writeConcurrency     Cassandra writes in flight per listener thread
 * @param retry                back-off of a batch whose writes failed (Cassandra down): retried until
 *                             it succeeds, with the consumer paused meanwhile; nothing is skipped
 * @param redriveInterval      how often retryable failures (thin events whose source call failed) are re-driven
 * @param redriveLease         how long an instance's claim on a failure it re-drives lives: another
 *                             instance takes the failure only after this, should the first die mid-way
 * @param deadLetterPartitions partitions of the {@code <topic>-dlt} topics when ingest creates them
 * @param listeners            consumer threads of each domain's listener container
 */
@ConfigurationProperties("display.ingest")
public record IngestProperties(@DefaultValue("256") int writeConcurrency, @DefaultValue Retry retry,
                               @DefaultValue("10s") Duration redriveInterval,
                               @DefaultValue("5m") Duration redriveLease,
                               @DefaultValue("12") int deadLetterPartitions,
                               @DefaultValue Listeners listeners) {

    public record Retry(@DefaultValue("500ms") Duration initialInterval, @DefaultValue("2.0") double multiplier,
                        @DefaultValue("10s") Duration maxInterval) {
    }

    /**
     * @param concurrency consumer threads of a domain's container, unless {@code per-domain} says otherwise
     * @param perDomain   by domain source path ({@code stock}, {@code products}...), its own thread count
     */
    public record Listeners(@DefaultValue("1") int concurrency, Map<String, Integer> perDomain) {

        public Listeners {
            perDomain = perDomain == null ? Map.of() : Map.copyOf(perDomain);
            for (Map.Entry<String, Integer> entry : perDomain.entrySet()) {
                Domain.ofSourcePath(entry.getKey());
                if (entry.getValue() < 1) {
                    throw new IllegalArgumentException("display.ingest.listeners.per-domain." + entry.getKey()
                            + " must be at least 1, was " + entry.getValue());
                }
            }
            if (concurrency < 1) {
                throw new IllegalArgumentException("display.ingest.listeners.concurrency must be at least 1, was " + concurrency);
            }
        }

        public int concurrencyOf(Domain domain) {
            return perDomain.getOrDefault(domain.sourcePath(), concurrency);
        }
    }
}
