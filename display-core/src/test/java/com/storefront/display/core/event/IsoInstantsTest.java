package com.storefront.display.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

    /** Instant.parse's answer: the instant, or null when it refuses the text. */
    private static Instant reference(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Test
    void readsWhatInstantToStringWritesAsInstantParseDoes() {
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(-62_135_596_800L, 253_402_300_799L); // years 0001 to 9999
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            String text = instant.toString();

            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(instant).isEqualTo(reference(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T10:15:30Z", "2026-11-24T10:15:30.1Z", "2026-11-24T10:15:30.12345678Z",
            "2024-02-29T23:59:59.999999999Z", "2026-11-24T10:15:30+09:00", "2026-11-24T10:15:30.123+01:30",
            "2026-11-24T10:15:30.Z", "+12026-11-24T10:15:30Z", "2026-11-24t10:15:30z"})
    void acceptsWhatInstantParseAccepts(String text) {
        assertThat(IsoInstants.parse(text)).isNotNull().isEqualTo(reference(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-11-24T10:15Z", "2026-11-24T10:15:30.1234567890Z",
            "2026-02-30T10:15:30Z", "2025-02-29T10:15:30Z", "2026-13-24T10:15:30Z", "2026-11-24T25:15:30Z",
            "2026-11-24T10:60:30Z", "2026-11-24 10:15:30Z", "2026-11-24T10:15:30", "2026-1a-24T10:15:30Z",
            "2026-11-24T10:15:3xZ", "2026-11-24T10:15:30.12a4Z", "2026-11-24"})
    void refusesWhatInstantParseRefuses(String text) {
        assertThat(reference(text)).isNull();
        assertThat(IsoInstants.parse(text)).isNull();
    }
}
