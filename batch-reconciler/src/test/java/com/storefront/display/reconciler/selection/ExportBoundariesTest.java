package com.storefront.display.reconciler.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/**
 * Equal-count ranges of an export from a sample of it: each id distribution an operator meets gives
 * partitions whose item counts (counted exactly over the ids, not the estimate) stay within twice the
 * mean, for a bounded number of sampling pages.
 */
class ExportBoundariesTest {

    @Test
    void denseIds() {
        assertBalanced(LongStream.rangeClosed(1, 200_000).toArray(), 8);
    }

    @Test
    void aCatalogueWithThreeOutliersBeyondEightBillion() {
        long[] ids = LongStream.concat(LongStream.rangeClosed(1, 2_000),
                LongStream.of(8_400_000_001L, 8_400_000_002L, 8_400_000_003L)).toArray();
        assertBalanced(ids, 8);
    }

    @Test
    void threeFarApartBlocks() {
        long[] ids = LongStream.concat(LongStream.concat(LongStream.rangeClosed(1_000, 40_999),
                LongStream.rangeClosed(500_000_000, 500_030_000)), LongStream.rangeClosed(9_000_000_000L, 9_000_050_000L)).toArray();
        assertBalanced(ids, 8);
    }

    @Test
    void threeSmallBlocksBillionsApart() {
        // a few hundred shops in three blocks 3 billion apart: a page's density (one item per id) carried
        // over a gap of billions must not decide how the last block is cut
        long[] ids = LongStream.concat(LongStream.concat(LongStream.rangeClosed(1, 100),
                LongStream.rangeClosed(3_000_000_101L, 3_000_000_200L)), LongStream.rangeClosed(6_000_000_201L, 6_000_000_300L)).toArray();
        assertBalanced(ids, 8);
    }

    @Test
    void sparseSnowflakeLikeIds() {
        java.util.Random random = new java.util.Random(7);
        long[] ids = LongStream.generate(() -> 1L + (random.nextLong() >>> 2)).limit(50_000).sorted().distinct().toArray();
        assertBalanced(ids, 16);
    }

    @Test
    void denseBlockBesideThinlySpreadIds() {
        // most items in ids 1..100k, a thin spread (one per million ids) up to a billion: a density
        // sampled in the block must not be carried over the spread
        long[] ids = LongStream.concat(LongStream.rangeClosed(1, 100_000), LongStream.iterate(1_000_000, id -> id <= 1_000_000_000L,
                id -> id + 1_000_000)).toArray();
        assertBalanced(ids, 8);
    }

    @Test
    void fewerItemsThanPartitionsGiveOnePartitionPerItemAtMost() {
        ExportBoundaries.Split split = ExportBoundaries.split(probe(new long[] {5, 9_000_000_000L}, new AtomicInteger()),
                9_000_000_000L, 8);
        assertThat(split.ranges()).hasSizeLessThanOrEqualTo(2);
        assertThat(counts(new long[] {5, 9_000_000_000L}, split.ranges())).containsOnly(1L);
    }

    @Test
    void nothingExportedGivesNoRange() {
        assertThat(ExportBoundaries.split(probe(new long[0], new AtomicInteger()), 0, 8).ranges()).isEmpty();
    }

    private static void assertBalanced(long[] ids, int parts) {
        AtomicInteger calls = new AtomicInteger();
        ExportBoundaries.Split split = ExportBoundaries.split(probe(ids, calls), ids[ids.length - 1], parts);
        List<IdRanges.Range> ranges = split.ranges();
        assertThat(ranges).hasSize(parts);
        // the ranges tile 1..max
        assertThat(ranges.get(0).after()).isZero();
        assertThat(ranges.get(ranges.size() - 1).to()).isEqualTo(ids[ids.length - 1]);
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).after()).isEqualTo(ranges.get(i - 1).to());
        }
        long[] counts = counts(ids, ranges);
        double mean = (double) ids.length / parts;
        assertThat(Arrays.stream(counts).max().getAsLong()).as("largest of %s, mean %s", Arrays.toString(counts), mean)
                .isLessThanOrEqualTo((long) (2 * mean));
        assertThat(calls.get()).as("sampling pages").isLessThanOrEqualTo(200).isEqualTo(split.probes());
    }

    private static long[] counts(long[] ids, List<IdRanges.Range> ranges) {
        return ranges.stream().mapToLong(range -> Arrays.stream(ids).filter(id -> id > range.after() && id <= range.to()).count())
                .toArray();
    }

    /** The keyset export over a sorted id array. */
    private static ExportBoundaries.Probe probe(long[] ids, AtomicInteger calls) {
        return (after, limit) -> {
            calls.incrementAndGet();
            int from = Arrays.binarySearch(ids, after);
            from = from >= 0 ? from + 1 : -from - 1;
            return Arrays.copyOfRange(ids, from, Math.min(ids.length, from + limit));
        };
    }
}
