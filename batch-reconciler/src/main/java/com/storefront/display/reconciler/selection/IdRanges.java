package com.storefront.display.reconciler.selection;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.source.BlockingSourceApi;

/** Contiguous id ranges of a domain, for partitions that each export one ({@link ExportBoundaries} cuts them). */
public final class IdRanges {

    /** Ids greater than {@code after}, up to and including {@code to}. */
    public record Range(long after, long to) {
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

    private static boolean exportsAfter(BlockingSourceApi source, Domain domain, long after) {
        return !source.export(domain, after, 1).items().isEmpty();
    }
}
