package com.storefront.display.ingest.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

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
}
