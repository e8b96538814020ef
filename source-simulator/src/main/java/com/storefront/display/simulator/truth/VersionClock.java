package com.storefront.display.simulator.truth;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.storefront.display.core.source.SourceVersions;

/**
 * Versions for changes: the epoch microseconds of the change, strictly increasing over the whole
 * simulator (so per entity too) even when the wall clock stands still or steps back, and always after
 * the catalogue's creation. Public for bench/ingest's freshness stream, which stamps events the same way.
 */
public final class VersionClock {

    private final AtomicLong last;

    public VersionClock(Instant after) {
        this.last = new AtomicLong(SourceVersions.of(after));
    }

    public long next() {
        long now = SourceVersions.of(Instant.now());
        return last.updateAndGet(previous -> Math.max(previous + 1, now));
    }
}
