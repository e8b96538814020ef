package com.storefront.display.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code display.ingest.*}: how stream-ingest writes, retries and reaches the sources.
 *
 * @param writeConcurrency     Cassandra writes in flight per listener thread
 * @param retry                back-off of a batch whose writes failed (Cassandra down): retried until
 *                             it succeeds, with the consumer paused meanwhile; nothing is skipped
 * @param source               the source API that thin events are enriched from
 * @param redriveInterval      how often retryable failures (thin events whose source call failed) are re-driven
 * @param deadLetterPartitions partitions of the {@code <topic>-dlt} topics when ingest creates them
 * @param reconnectMaxDelay    the longest wait between the driver's attempts to reconnect to a Cassandra
 *                             node that went down: after an outage, ingest resumes within about this
 *                             long of the node coming back (the driver's default is a minute)
 */
@ConfigurationProperties("display.ingest")
public record IngestProperties(@DefaultValue("256") int writeConcurrency, @DefaultValue Retry retry,
                               @DefaultValue Source source, @DefaultValue("10s") Duration redriveInterval,
                               @DefaultValue("12") int deadLetterPartitions,
                               @DefaultValue("5s") Duration reconnectMaxDelay) {

    public record Retry(@DefaultValue("500ms") Duration initialInterval, @DefaultValue("2.0") double multiplier,
                        @DefaultValue("10s") Duration maxInterval) {
    }

    /**
     * @param baseUrl              e.g. {@code http://127.0.0.1:8090}
     * @param timeout              per request
     * @param concurrency          requests in flight per batch
     * @param failureRateThreshold percent of failed calls in the window that opens the circuit
     * @param slidingWindow        calls the failure rate is measured over
     * @param openFor              how long the circuit stays open before probing again
     */
    public record Source(@DefaultValue("http://127.0.0.1:8090") String baseUrl, @DefaultValue("2s") Duration timeout,
                         @DefaultValue("32") int concurrency, @DefaultValue("50") float failureRateThreshold,
                         @DefaultValue("20") int slidingWindow, @DefaultValue("10s") Duration openFor) {
    }
}
