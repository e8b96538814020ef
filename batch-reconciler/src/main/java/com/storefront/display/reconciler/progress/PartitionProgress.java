package com.storefront.display.reconciler.progress;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How far each partition got, logged with a rate and an ETA every so many items and when it ends. A
 * partition's reader keeps its own position in units of its work (ids of its range, shops of its set,
 * records of a topic) in the step's execution context under {@link #DONE} and {@link #TOTAL}, committed
 * with every chunk, so the ops API can sum the partitions of an execution; this listener only reads
 * them. It records which instance runs the partition ({@link #WORKER}). One listener serves every
 * partition of a step, each on its own thread.
 */
public final class PartitionProgress implements StepExecutionListener, ChunkListener<Object, Object> {

    public static final String DONE = "progress.done";
    public static final String TOTAL = "progress.total";
    /** The instance that ran (or runs) the partition, {@code display.reconciler.instance}. */
    public static final String WORKER = "progress.worker";

    private static final Logger log = LoggerFactory.getLogger(PartitionProgress.class);

    private final long logEvery;
    private final String worker;
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();

    /**
     * @param logEvery items between two log lines of one partition
     * @param worker   this instance's name, kept in each partition it runs under {@link #WORKER}
     */
    public PartitionProgress(long logEvery, String worker) {
        this.logEvery = Math.max(1, logEvery);
        this.worker = worker;
    }

    /** Puts a partition's position where the ops API and this listener read it. */
    public static void save(ExecutionContext context, long done, long total) {
        context.putLong(DONE, done);
        context.putLong(TOTAL, total);
    }

    @Override
    public void beforeStep(StepExecution step) {
        step.getExecutionContext().putString(WORKER, worker);
        runs.put(step.getId(), new Run(step.getExecutionContext().getLong(DONE, 0L)));
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        StepContext context = StepSynchronizationManager.getContext();
        Run run = context == null ? null : runs.get(context.getStepExecution().getId());
        if (run != null && run.read(chunk.size()) >= run.nextLog) {
            run.nextLog += logEvery;
            log(context.getStepExecution(), run, false);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        Run run = runs.remove(step.getId());
        if (run != null && ExitStatus.COMPLETED.getExitCode().equals(step.getExitStatus().getExitCode())) {
            log(step, run, true);
        }
        return null;
    }

    private static void log(StepExecution step, Run run, boolean finished) {
        ExecutionContext context = step.getExecutionContext();
        long done = context.getLong(DONE, 0L);
        long total = context.getLong(TOTAL, 0L);
        double seconds = Math.max(1e-3, (System.nanoTime() - run.startNanos) / 1e9);
        double unitsPerSecond = (done - run.startDone) / seconds;
        String eta = finished || unitsPerSecond <= 0 ? "-" : Math.round((total - done) / unitsPerSecond) + " s";
        log.info("{}: {} {} items, {}% ({} of {}), {} items/s, ETA {}", step.getStepName(), finished ? "finished," : "",
                run.items, total == 0 ? 100 : Math.round(100.0 * done / total), done, total, Math.round(run.items / seconds), eta);
    }

    /** One partition's run on this process. */
    private final class Run {
        final long startDone;
        final long startNanos = System.nanoTime();
        long items;
        long nextLog = logEvery;

        Run(long startDone) {
            this.startDone = startDone;
        }

        long read(int count) {
            items += count;
            return items;
        }
    }
}
