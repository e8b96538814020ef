package com.storefront.display.core.source;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Source versions are the epoch microseconds of the change (docs/contracts.md), and the read model's write
 * timestamps: the one conversion between versions, instants and durations.
 */
public final class SourceVersions {

    private SourceVersions() {
    }

    /** The version of a change made at {@code instant}. */
    public static long of(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** The instant a version stands for. */
    public static Instant instant(long version) {
        return Instant.EPOCH.plus(version, ChronoUnit.MICROS);
    }

    /** {@code duration} in version units, microseconds. */
    public static long span(Duration duration) {
        return duration.toNanos() / 1000;
    }

    /** How far {@code version} lies behind {@code now}, in seconds; 0 for a version from the future. */
    public static double secondsBehind(long version, Instant now) {
        return Math.max(0, of(now) - version) / 1e6;
    }
}
