package com.storefront.display.simulator.truth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Versions for changes: the epoch microseconds of the change, strictly increasing over the whole
 * simulator (so per entity too) even when the wall clock stands still or steps back, and always after
 * the catalogue's creation.
 */
final class VersionClock {

    private final AtomicLong last;

    VersionClock(Instant after) {
        this.last = new AtomicLong(micros(after));
    }

    long next() {
        long now = micros(Instant.now());
        return last.updateAndGet(previous -> Math.max(previous + 1, now));
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
