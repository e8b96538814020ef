package com.storefront.display.reconciler.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.source.SourceVersions;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code display_sync_lag_seconds{domain}}: now minus the domain's high-water mark (source versions are
 * epoch microseconds), for every domain kept by incremental sync; NaN until a bulk load or a sync set a
 * mark. The mark this instance committed is current at once; another instance's is read from
 * {@link SyncMarks} at most every {@code refresh}.
 */
public final class SyncLag {

    private final SyncMarks marks;
    private final Clock clock;
    private final Duration refresh;
    private final Map<Domain, Known> known = new EnumMap<>(Domain.class);

    public SyncLag(SyncMarks marks, List<Domain> domains, MeterRegistry registry, Clock clock, Duration refresh) {
        this.marks = marks;
        this.clock = clock;
        this.refresh = refresh;
        for (Domain domain : domains) {
            known.put(domain, new Known());
            Gauge.builder("display.sync.lag", this, lag -> lag.seconds(domain)).baseUnit("seconds")
                    .description("now minus the incremental sync's high-water mark").tag("domain", domain.sourcePath())
                    .register(registry);
        }
    }

    /** Now minus the domain's mark, in seconds; NaN without a mark. */
    public double seconds(Domain domain) {
        OptionalLong mark = mark(domain);
        if (mark.isEmpty()) {
            return Double.NaN;
        }
        return SourceVersions.secondsBehind(mark.getAsLong(), clock.instant());
    }

    /** The domain's mark, as this instance last committed or read it. */
    public OptionalLong mark(Domain domain) {
        Known entry = known.get(domain);
        if (entry == null) {
            return marks.mark(domain);
        }
        synchronized (entry) {
            long now = clock.millis();
            if (entry.readAt == Long.MIN_VALUE || now - entry.readAt >= refresh.toMillis()) {
                OptionalLong stored = marks.mark(domain);
                stored.ifPresent(value -> entry.mark = Math.max(entry.mark, value));
                entry.readAt = now;
            }
            return entry.mark == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(entry.mark);
        }
    }

    void marked(Domain domain, long mark) {
        Known entry = known.get(domain);
        if (entry != null) {
            synchronized (entry) {
                entry.mark = Math.max(entry.mark, mark);
            }
        }
    }

    private static final class Known {
        long mark = Long.MIN_VALUE;
        long readAt = Long.MIN_VALUE;
    }
}
