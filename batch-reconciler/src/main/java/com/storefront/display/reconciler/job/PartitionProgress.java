package com.storefront.display.reconciler.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How far one partition got, in units of its own work (ids of its range, shops of its set): kept in the
 * step's execution context under {@link #DONE} and {@link #TOTAL} with every committed chunk, so the ops
 * API can sum the partitions of an execution, and logged with a rate and an ETA every so many items.
 */
public final class PartitionProgress {

    public static final String DONE = "progress.done";
    public static final String TOTAL = "progress.total";

    private static final Logger log = LoggerFactory.getLogger(PartitionProgress.class);

    private final String name;
    private final long total;
    private final long logEvery;
    private final long startDone;
    private final long startNanos = System.nanoTime();
    private long done;
    private long items;
    private long nextLog;

    public PartitionProgress(String name, long done, long total, long logEvery) {
        this.name = name;
        this.done = done;
        this.startDone = done;
        this.total = total;
        this.logEvery = Math.max(1, logEvery);
        this.nextLog = this.logEvery;
    }

    /** Records that the partition is {@code done} units in, having handled one more item. */
    public void advance(long done) {
        this.done = done;
        if (++items >= nextLog) {
            nextLog += logEvery;
            log(false);
        }
    }

    public void finish() {
        log(true);
    }

    public void saveTo(ExecutionContext context) {
        context.putLong(DONE, done);
        context.putLong(TOTAL, total);
    }

    private void log(boolean finished) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        double unitsPerSecond = (done - startDone) / seconds;
        String eta = finished || unitsPerSecond <= 0 ? "-" : Math.round((total - done) / unitsPerSecond) + " s";
        log.info("{}: {} {} items, {}% ({} of {}), {} items/s, ETA {}", name, finished ? "finished," : "", items,
                total == 0 ? 100 : Math.round(100.0 * done / total), done, total, Math.round(items / seconds), eta);
    }
}
