package com.storefront.display.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code display.ingest.*}: how stream-ingest writes and retries (the source APIs: {@code display.source.*}).
 *
 * @param writeConcurrency     Cassandra writes in flight per listener thread
 * @param retry                back-off of a batch whose writes failed (Cassandra down): retried until
 *                             it succeeds, with the consumer paused meanwhile; nothing is skipped
 * @param redriveInterval      how often retryable failures (thin events whose source call failed) are re-driven
 * @param deadLetterPartitions partitions of the {@code <topic>-dlt} topics when ingest creates them
 */
@ConfigurationProperties("display.ingest")
public record IngestProperties(@DefaultValue("256") int writeConcurrency, @DefaultValue Retry retry,
                               @DefaultValue("10s") Duration redriveInterval,
                               @DefaultValue("12") int deadLetterPartitions) {

    public record Retry(@DefaultValue("500ms") Duration initialInterval, @DefaultValue("2.0") double multiplier,
                        @DefaultValue("10s") Duration maxInterval) {
    }
}
