package com.storefront.display.reconciler.selection;

import java.util.ArrayList;
import java.util.List;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.source.BlockingSourceApi;

/** Splitting a domain's id space into contiguous ranges, for partitions that each export one. */
public final class IdRanges {

    /** Ids greater than {@code after}, up to and including {@code to}. */
    public record Range(long after, long to) {
        public long span() {
            return to - after;
        }
    }

    private IdRanges() {
    }

    /**
     * The largest id the source exports for the domain, found by a binary search over one-item export
     * pages (about 2 log2(max) calls), or 0 when it exports nothing.
     */
    public static long maxId(BlockingSourceApi source, Domain domain) {
        long low = 0;
        long high = 1024;
        while (exportsAfter(source, domain, high)) {
            low = high;
            high *= 2;
        }
        // invariant: something exists after low (or low == 0), nothing after high
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (exportsAfter(source, domain, middle)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return exportsAfter(source, domain, low) ? high : low;
    }

    /** {@code parts} ranges covering 1..{@code max}, as equal as can be; fewer when max is small. */
    public static List<Range> split(long max, int parts) {
        List<Range> ranges = new ArrayList<>();
        if (max < 1) {
            return ranges;
        }
        long count = Math.min(parts, max);
        long after = 0;
        for (long i = 1; i <= count; i++) {
            long to = max * i / count;
            ranges.add(new Range(after, to));
            after = to;
        }
        return ranges;
    }

    private static boolean exportsAfter(BlockingSourceApi source, Domain domain, long after) {
        return !source.export(domain, after, 1).items().isEmpty();
    }
}
