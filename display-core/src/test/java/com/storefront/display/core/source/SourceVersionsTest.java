package com.storefront.display.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SourceVersionsTest {

    @Test
    void aVersionIsTheEpochMicrosecondOfItsInstant() {
        Instant instant = Instant.parse("2026-12-05T10:15:30.123456789Z");

        long version = SourceVersions.of(instant);

        assertThat(version).isEqualTo(1_796_465_730_123_456L);
        assertThat(SourceVersions.instant(version)).isEqualTo(Instant.parse("2026-12-05T10:15:30.123456Z"));
        assertThat(SourceVersions.of(Instant.EPOCH)).isZero();
    }

    @Test
    void spansAndLagsAreInMicrosecondsAndSeconds() {
        Instant now = Instant.parse("2026-12-05T10:15:30Z");

        assertThat(SourceVersions.span(Duration.ofMinutes(1))).isEqualTo(60_000_000L);
        assertThat(SourceVersions.secondsBehind(SourceVersions.of(now.minusMillis(2_500)), now)).isCloseTo(2.5, within(1e-9));
        assertThat(SourceVersions.secondsBehind(SourceVersions.of(now.plusSeconds(3)), now)).isZero();
    }
}
