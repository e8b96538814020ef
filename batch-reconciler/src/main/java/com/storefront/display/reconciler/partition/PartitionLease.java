package com.storefront.display.reconciler.partition;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

import com.storefront.display.reconciler.progress.PartitionProgress;

/**
 * The managers' side of a worker's death: a remote partition that is running (or still waits for a
 * worker) and whose step execution nothing updated for the lease lost its worker, to {@code kill -9},
 * a hang or a request no worker took. Its manager would poll for it forever (Spring Batch's polling
 * handler has no notion of a dead worker), so the lease fails it in the job repository: the manager's
 * poll sees every partition ended, the job ends FAILED, and a restart re-runs the failed partitions
 * from their last committed chunk. A worker that was only slow finds its step execution's version
 * moved on and fails at its next update, so no partition is written twice to completion.
 */
final class PartitionLease implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartitionLease.class);

    private final JobRepository repository;
    private final Duration lease;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "partition-lease");
        thread.setDaemon(true);
        return thread;
    });

    PartitionLease(JobRepository repository, Duration lease, Duration every, Clock clock) {
        this.repository = repository;
        this.lease = lease;
        this.clock = clock;
        timer.scheduleWithFixedDelay(this::checkQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("checking the partitions' leases failed; next check in a moment", e);
        }
    }

    /**
     * Fails every partition of a running job whose lease ran out, and returns how many: a running one
     * whose own last update is older than the lease, and one still waiting for a worker when none of
     * its job's partitions, running or ended, was updated within the lease (waiting while others run is
     * normal: there are more partitions than worker threads).
     */
    int check() {
        int failed = 0;
        LocalDateTime expired = LocalDateTime.now(clock).minus(lease);
        for (String job : repository.getJobNames()) {
            for (JobExecution running : repository.findRunningJobExecutions(job)) {
                List<StepExecution> all = repository.getJobExecution(running.getId()).getStepExecutions().stream()
                        .filter(PartitionLease::isPartition).toList();
                // quiet: no partition started, committed or ended within the lease (one that just ended
                // counts: its worker is about to take the next request)
                boolean jobQuiet = all.stream().map(PartitionLease::lastTouched).allMatch(touched -> touched.isBefore(expired));
                for (StepExecution partition : all.stream().filter(step -> step.getStatus().isRunning()).toList()) {
                    boolean waiting = partition.getStatus() == BatchStatus.STARTING;
                    if (waiting ? jobQuiet : lastTouched(partition).isBefore(expired)) {
                        failed += fail(partition, waiting) ? 1 : 0;
                    }
                }
            }
        }
        return failed;
    }

    /** Partitions are named {@code <worker step>:<partition>}; the manager step, named as its job, waits on them. */
    private static boolean isPartition(StepExecution step) {
        return step.getStepName().contains(":");
    }

    private static LocalDateTime lastTouched(StepExecution step) {
        LocalDateTime updated = step.getLastUpdated();
        return updated != null ? updated : step.getCreateTime();
    }

    private boolean fail(StepExecution partition, boolean waiting) {
        Object worker = partition.getExecutionContext().get(PartitionProgress.WORKER);
        String reason = waiting ? "no worker took it, and no partition of its job was updated, for " + lease
                : "its worker " + (worker != null ? worker : "") + " did not update it for " + lease + ": the worker is gone";
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
        partition.setEndTime(LocalDateTime.now(clock));
        try {
            repository.update(partition);
        } catch (OptimisticLockingFailureException e) {
            log.info("partition {} was updated meanwhile: its worker lives, the lease holds", partition.getStepName());
            return false;
        }
        log.warn("partition {} of execution {} FAILED: {}", partition.getStepName(), partition.getJobExecutionId(), reason);
        return true;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
