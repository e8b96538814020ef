package com.storefront.display.ingest.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class IngestMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00.000250Z");

    @Test
    void theAgeIsTheDifferenceInNanoseconds() {
        assertThat(IngestMetrics.ageNanos(NOW.minusNanos(1_999_999_999L), NOW)).isEqualTo(1_999_999_999L);
        assertThat(IngestMetrics.ageNanos(NOW.minus(Duration.ofDays(3)).plusNanos(7), NOW))
                .isEqualTo(Duration.ofDays(3).toNanos() - 7);
        assertThat(IngestMetrics.ageNanos(NOW, NOW)).isZero();
    }

    @Test
    void anEventFromTheFutureIsZeroOld() {
        assertThat(IngestMetrics.ageNanos(NOW.plusNanos(1), NOW)).isZero();
        assertThat(IngestMetrics.ageNanos(Instant.parse("9999-12-31T23:59:59Z"), NOW)).isZero();
    }

    @Test
    void anAncientEventIsCappedRatherThanOverflowing() {
        assertThat(IngestMetrics.ageNanos(Instant.MIN, NOW)).isEqualTo(9_000_000_000L * 1_000_000_000L);
        assertThat(IngestMetrics.ageNanos(Instant.parse("0001-01-01T00:00:00Z"), NOW)).isPositive();
    }

    @Test
    void deliveryIsMeasuredOncePerPollFromItsOldestRecordsKafkaTimestamp() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IngestMetrics metrics = new IngestMetrics(registry);
        long now = System.currentTimeMillis();
        double slack = 5_000; // a slow machine between the test's clock reading and the metric's

        metrics.received(List.of(record(now - 50, TimestampType.LOG_APPEND_TIME), record(now - 2_000, TimestampType.CREATE_TIME),
                record(-1, TimestampType.NO_TIMESTAMP_TYPE)));
        Timer delivery = registry.get("display.ingest.delivery").timer();
        assertThat(delivery.count()).isEqualTo(1);
        assertThat(delivery.totalTime(TimeUnit.MILLISECONDS)).isBetween(2_000.0, 2_000.0 + slack);

        metrics.received(List.of(record(now + 60_000, TimestampType.CREATE_TIME)));
        assertThat(delivery.count()).isEqualTo(2);
        assertThat(delivery.totalTime(TimeUnit.MILLISECONDS)).as("a producer's clock ahead counts as no wait")
                .isBetween(2_000.0, 2_000.0 + slack);

        metrics.received(List.of(record(-1, TimestampType.NO_TIMESTAMP_TYPE)));
        metrics.received(List.of());
        assertThat(delivery.count()).as("polls without a timestamp are left out").isEqualTo(2);
    }

    private static ConsumerRecord<String, byte[]> record(long timestamp, TimestampType type) {
        return new ConsumerRecord<>("display.stock", 0, 0, timestamp, type, 1, 1, "1", new byte[] {1}, new RecordHeaders(),
                Optional.empty());
    }
}
