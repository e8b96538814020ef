package com.storefront.display.ingest.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What ingest measures (Micrometer, on {@code /actuator/prometheus}): events per topic, coalesced
 * events, dead-lettered and deferred records per topic, write latency per batch, and freshness (write
 * acknowledged minus the event's {@code occurredAt}). Consumer lag comes from the Kafka client metrics.
 */
public final class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter coalesced;
    private final Timer writeLatency;
    private final Timer freshness;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.coalesced = Counter.builder("display.ingest.coalesced").description("events made redundant by a newer one in the same poll")
                .register(registry);
        this.writeLatency = Timer.builder("display.ingest.write.latency").description("writing one poll's events")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.freshness = Timer.builder("display.ingest.freshness").description("write acknowledged minus occurredAt")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void written(List<ConsumerRecord<String, byte[]>> records, Collection<EventBatch.Received> applied, int coalescedCount,
                 long writeNanos, Instant acknowledged) {
        Map<String, Long> perTopic = new HashMap<>();
        records.forEach(record -> perTopic.merge(record.topic(), 1L, Long::sum));
        perTopic.forEach((topic, count) -> registry.counter("display.ingest.events", "topic", topic).increment(count));
        coalesced.increment(coalescedCount);
        writeLatency.record(writeNanos, TimeUnit.NANOSECONDS);
        for (EventBatch.Received received : applied) {
            Duration age = Duration.between(received.event().occurredAt(), acknowledged);
            freshness.record(age.isNegative() ? Duration.ZERO : age);
        }
    }

    void deadLettered(String topic) {
        registry.counter("display.ingest.dead.lettered", "topic", topic).increment();
    }

    void deferred(String topic) {
        registry.counter("display.ingest.deferred", "topic", topic).increment();
    }
}
