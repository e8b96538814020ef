package com.storefront.display.reconciler.ops;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.storefront.display.core.source.SourceVersions;
import com.storefront.display.reconciler.launch.JobNames;
import com.storefront.display.reconciler.progress.PartitionProgress;
import com.storefront.display.reconciler.sync.SyncMarks;

/**
 * A job execution as operators see it: status, times, the counts summed over the instance's partitions
 * (so a restarted execution shows the whole job), and progress with a rate and an ETA.
 */
record ExecutionView(long executionId, String job, String status, String exitCode, Instant startTime, Instant endTime,
                     Map<String, Object> parameters, long readCount, long writeCount, long skipCount,
                     Partitions partitions, Progress progress, List<String> failures, Map<String, Sync> sync) {

    /**
     * An incremental sync's position in one domain (empty for the other jobs).
     *
     * @param mark       the high-water mark as of the partition's last commit: a source version
     * @param markTime   that version as an instant (source versions are epoch microseconds)
     * @param lagSeconds how far behind the source the domain is: now minus the mark
     */
    record Sync(long mark, Instant markTime, double lagSeconds) {

        static Sync of(long mark) {
            double lag = SourceVersions.secondsBehind(mark, Instant.now());
            return new Sync(mark, SourceVersions.instant(mark), Math.round(lag * 10) / 10.0);
        }
    }

    /** @param items one per partition: the latest execution of each, whichever execution of the job ran it */
    record Partitions(int total, int completed, int failed, int running, List<Partition> items) {
    }

    /**
     * @param name   the partition's step name, e.g. {@code reconcile-partition:shops:1-1250}
     * @param worker the instance that ran it ({@code display.reconciler.instance}); null before it started
     */
    record Partition(String name, String status, long readCount, long writeCount, String worker) {
    }

    /**
     * @param done           units of work done (ids of the ranges, or shops), over all partitions
     * @param total          units of work in all, once the partitions are known
     * @param percent        0..100
     * @param itemsPerSecond items read per second by this execution
     * @param etaSeconds     null when finished or not yet measurable
     */
    record Progress(long done, long total, double percent, double itemsPerSecond, Long etaSeconds) {
    }

    static ExecutionView of(JobExecution execution, List<StepExecution> partitions) {
        long read = 0, written = 0, skipped = 0, done = 0, total = 0, readHere = 0;
        int completed = 0, failed = 0, running = 0;
        List<Partition> items = new java.util.ArrayList<>(partitions.size());
        for (StepExecution step : partitions) {
            items.add(new Partition(step.getStepName(), step.getStatus().name(), step.getReadCount(), step.getWriteCount(),
                    step.getExecutionContext().containsKey(PartitionProgress.WORKER)
                            ? step.getExecutionContext().getString(PartitionProgress.WORKER) : null));
            read += step.getReadCount();
            written += step.getWriteCount();
            skipped += step.getSkipCount();
            done += step.getExecutionContext().getLong(PartitionProgress.DONE, 0L);
            total += step.getExecutionContext().getLong(PartitionProgress.TOTAL, 0L);
            if (step.getJobExecutionId() == execution.getId()) {
                readHere += step.getReadCount();
            }
            switch (step.getStatus()) {
                case COMPLETED -> completed++;
                case FAILED, STOPPED, ABANDONED, UNKNOWN -> failed++;
                default -> running++;
            }
        }
        Map<String, Object> parameters = new TreeMap<>();
        execution.getJobParameters().parameters().forEach(p -> {
            if (!JobNames.REQUESTED_AT.equals(p.name())) {
                parameters.put(p.name(), p.value());
            }
        });
        List<String> failures = failures(execution, partitions);
        Map<String, Sync> sync = new TreeMap<>();
        for (StepExecution step : partitions) {
            ExecutionContext context = step.getExecutionContext();
            if (context.containsKey(SyncMarks.CONTEXT_DOMAIN) && context.containsKey(SyncMarks.CONTEXT_MARK)) {
                sync.put(context.getString(SyncMarks.CONTEXT_DOMAIN), Sync.of(context.getLong(SyncMarks.CONTEXT_MARK)));
            }
        }
        return new ExecutionView(execution.getId(), execution.getJobInstance().getJobName(), execution.getStatus().name(),
                execution.getExitStatus().getExitCode(), instant(execution.getStartTime()), instant(execution.getEndTime()),
                parameters, read, written, skipped, new Partitions(partitions.size(), completed, failed, running, items),
                progress(execution, done, total, readHere), failures, sync);
    }

    private static Progress progress(JobExecution execution, long done, long total, long readHere) {
        double seconds = execution.getStartTime() == null ? 0 : Math.max(1e-3, Duration.between(execution.getStartTime(),
                execution.getEndTime() != null ? execution.getEndTime() : LocalDateTime.now()).toMillis() / 1000.0);
        double rate = seconds == 0 ? 0 : readHere / seconds;
        double percent = total == 0 ? (execution.getStatus() == BatchStatus.COMPLETED ? 100 : 0) : 100.0 * done / total;
        Long eta = null;
        if (execution.isRunning() && total > 0 && done > 0 && seconds > 0 && percent > 0) {
            eta = Math.round(seconds * (100 - percent) / percent);
        }
        return new Progress(done, total, Math.round(percent * 10) / 10.0, Math.round(rate * 10) / 10.0, eta);
    }

    /** Why the execution or its partitions failed: the first line of each distinct exit description. */
    private static List<String> failures(JobExecution execution, List<StepExecution> partitions) {
        java.util.stream.Stream<String> descriptions = java.util.stream.Stream.concat(
                java.util.stream.Stream.of(execution.getExitStatus().getExitDescription()),
                partitions.stream().filter(p -> p.getStatus() != BatchStatus.COMPLETED)
                        .map(p -> p.getExitStatus().getExitDescription()));
        return descriptions.filter(d -> d != null && !d.isBlank()).map(d -> d.lines().findFirst().orElse(d))
                .distinct().limit(10).toList();
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }
}
