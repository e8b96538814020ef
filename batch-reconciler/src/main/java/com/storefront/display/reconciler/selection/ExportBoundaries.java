package com.storefront.display.reconciler.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.source.BlockingSourceApi;
import com.storefront.display.core.source.SourceItem;

/**
 * Id ranges of about equal item counts for a keyset export, whatever its id distribution (dense, sparse,
 * clustered in far-apart blocks, a few outliers), found by sampling rather than by reading it: a small
 * page at the start of the id space, then a page at the middle of whichever unread stretch is estimated
 * to hold the most items, until no stretch is estimated to hold more than an eighth of a partition. A page that
 * reaches past its stretch counts the stretch exactly (an empty one included, which is how a gap of
 * billions costs one call); a full page gives the local density that the rest of the stretch is
 * estimated with (the density among the page's own ids, never across the gap before it). About a hundred
 * calls, at most {@link #MAX_PROBES}, whatever the export's size.
 */
public final class ExportBoundaries {

    /** Next ids after a given id: {@code export(after, limit)}, ascending. */
    @FunctionalInterface
    public interface Probe {
        long[] after(long after, int limit);
    }

    /** Ids per sampling page. */
    static final int PAGE = 64;
    /** Stretches are sampled until none is estimated to hold more than a partition's share over this. */
    static final int RESOLUTION = 8;
    /** The most sampling pages one split may cost (a bound, not the usual cost: 60-150 in the tests). */
    static final int MAX_PROBES = 1_000;

    /**
     * A stretch of ids (after, to]: counted exactly ({@code ids} known, or none) or estimated with a
     * density from the nearest page.
     */
    private record Stretch(long after, long to, long[] ids, double density) {
        boolean exact() {
            return ids != null;
        }

        double count() {
            return exact() ? ids.length : density * (to - after);
        }
    }

    /**
     * @param ranges the ranges, tiling 1..the largest id; fewer than asked when there are fewer items
     * @param probes sampling pages spent
     * @param items  the estimated number of items in all
     */
    public record Split(List<IdRanges.Range> ranges, List<Double> counts, int probes, double items) {
    }

    private ExportBoundaries() {
    }

    /** {@link #split(Probe, long, int)} over the domain's export. */
    public static Split split(BlockingSourceApi source, Domain domain, int parts) {
        long max = IdRanges.maxId(source, domain);
        return split((after, limit) -> source.export(domain, after, limit).items().stream().mapToLong(SourceItem::id).toArray(),
                max, parts);
    }

    /** @param max the largest id (0: nothing to split) */
    public static Split split(Probe probe, long max, int parts) {
        if (max < 1) {
            return new Split(List.of(), List.of(), 0, 0);
        }
        TreeMap<Long, Stretch> stretches = new TreeMap<>();
        PriorityQueue<Stretch> unread = new PriorityQueue<>(Comparator.comparingDouble(Stretch::count).reversed());
        int probes = 1;
        for (Stretch stretch : sample(probe, 0, max)) {
            add(stretch, stretches, unread);
        }
        while (!unread.isEmpty() && probes < MAX_PROBES) {
            double total = stretches.values().stream().mapToDouble(Stretch::count).sum();
            Stretch largest = unread.peek();
            if (largest.count() <= total / parts / RESOLUTION) {
                break;
            }
            unread.poll();
            stretches.remove(largest.after());
            long middle = largest.after() + (largest.to() - largest.after()) / 2;
            if (middle > largest.after()) {
                add(new Stretch(largest.after(), middle, null, largest.density()), stretches, unread);
            }
            for (Stretch stretch : sample(probe, middle, largest.to())) {
                add(stretch, stretches, unread);
            }
            probes++;
        }
        return cut(new ArrayList<>(stretches.values()), max, parts, probes);
    }

    /** One page after {@code after}: what it tells about (after, to]. */
    private static List<Stretch> sample(Probe probe, long after, long to) {
        long[] page = probe.after(after, PAGE);
        int inside = 0;
        while (inside < page.length && page[inside] <= to) {
            inside++;
        }
        if (inside < PAGE) {
            // the page ended or left the stretch: every id of the stretch is on it
            return List.of(new Stretch(after, to, Arrays.copyOf(page, inside), 0));
        }
        long last = page[PAGE - 1];
        Stretch read = new Stretch(after, last, page, 0);
        if (last == to) {
            return List.of(read);
        }
        return List.of(read, new Stretch(last, to, null, density(page)));
    }

    /**
     * Items per id after a full page, judged from the page's own ids (the gap before its first id says
     * nothing about what follows): the density of its typical gap (the median), or of its last run of ids
     * where a far wider gap splits the page, whichever is higher. A page may reach across the gap between
     * two blocks, and the stretch after it belongs to the later block. It errs high on purpose: a stretch
     * estimated too full is sampled again, one estimated empty never is.
     */
    static double density(long[] page) {
        long[] gaps = new long[page.length - 1];
        int widest = 0;
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = page[i + 1] - page[i];
            if (gaps[i] >= gaps[widest]) {
                widest = i;
            }
        }
        long[] sorted = gaps.clone();
        Arrays.sort(sorted);
        double typical = 1.0 / Math.max(1, sorted[sorted.length / 2]);
        int lastRun = page.length - 1 - widest;
        double afterWidest = lastRun >= 2 ? (lastRun - 1.0) / Math.max(1, page[page.length - 1] - page[widest + 1]) : 0;
        return Math.max(typical, afterWidest);
    }

    private static void add(Stretch stretch, TreeMap<Long, Stretch> stretches, PriorityQueue<Stretch> unread) {
        stretches.put(stretch.after(), stretch);
        if (!stretch.exact()) {
            unread.add(stretch);
        }
    }

    /** Walks the stretches in id order and ends a range each time a partition's share is reached. */
    private static Split cut(List<Stretch> stretches, long max, int parts, int probes) {
        double total = stretches.stream().mapToDouble(Stretch::count).sum();
        List<IdRanges.Range> ranges = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        if (total == 0) {
            return new Split(ranges, counts, probes, 0);
        }
        int wanted = (int) Math.max(1, Math.min(parts, Math.round(Math.ceil(total))));
        double share = total / wanted;
        double seen = 0;
        double inRange = 0;
        long rangeAfter = 0;
        for (Stretch stretch : stretches) {
            if (stretch.exact()) {
                for (long id : stretch.ids()) {
                    seen++;
                    inRange++;
                    if (seen >= share * (ranges.size() + 1) - 1e-9 && ranges.size() < wanted - 1) {
                        ranges.add(new IdRanges.Range(rangeAfter, id));
                        counts.add(inRange);
                        rangeAfter = id;
                        inRange = 0;
                    }
                }
            } else {
                double remaining = stretch.count();
                long position = stretch.after();
                while (ranges.size() < wanted - 1 && seen + remaining >= share * (ranges.size() + 1)) {
                    double needed = share * (ranges.size() + 1) - seen;
                    long boundary = position + (long) Math.ceil(needed / stretch.density());
                    boundary = Math.min(boundary, stretch.to());
                    if (boundary <= rangeAfter) {
                        break;
                    }
                    seen += needed;
                    remaining -= needed;
                    position = boundary;
                    ranges.add(new IdRanges.Range(rangeAfter, boundary));
                    counts.add(inRange + needed);
                    rangeAfter = boundary;
                    inRange = 0;
                }
                seen += remaining;
                inRange += remaining;
            }
        }
        ranges.add(new IdRanges.Range(rangeAfter, max));
        counts.add(inRange);
        return new Split(ranges, counts, probes, total);
    }
}
