package com.storefront.display.reconciler.partition;

import java.util.Comparator;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.dao.OptimisticLockingFailureException;

import com.storefront.display.reconciler.progress.PartitionProgress;

/**
 * Runs the partitions this instance takes from the requests topic, through Spring Batch's
 * {@link StepExecutionRequestHandler}. A request is a claim ticket, not an assignment: the thread that
 * receives it runs the partition it names if that one still waits, then keeps claiming the partitions of
 * the same job execution that still wait (oldest first) until none is left. Kafka gives each consumer
 * thread fixed topic partitions, so requests hashed onto a busy thread would otherwise wait while
 * other threads idle; claiming, a fast worker takes more, and the requests queued behind a busy thread
 * find their partitions taken and cost a lookup. A claim is the step execution's move from STARTING to
 * STARTED under the job repository's optimistic lock, so two workers never run one partition; Kafka
 * delivers at least once, and a re-delivered request finds its partition taken, too.
 */
final class PartitionWorker {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final JobRepository repository;
    private final StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
    private final String instance;

    PartitionWorker(JobRepository repository, StepLocator steps, String instance) {
        this.repository = repository;
        this.instance = instance;
        handler.setJobRepository(repository);
        handler.setStepLocator(steps);
    }

    /** Runs the requested partition if it still waits, then every other waiting partition of its job execution. */
    void run(PartitionRequest request) {
        StepExecution requested = repository.getStepExecution(request.stepExecutionId());
        if (requested == null || !request.names(requested)) {
            log.error("{}: {} is not a partition of this job store ({}): a topic or group shared with another "
                    + "job store? Skipped; its manager's lease fails it", instance, request,
                    requested == null ? "no such step execution" : "step execution " + requested.getId() + " is "
                            + requested.getStepName() + " of job execution " + requested.getJobExecutionId());
            return;
        }
        int ran = 0;
        Optional<StepExecution> next = Optional.of(requested);
        while (next.isPresent()) {
            StepExecution partition = next.get();
            if (claim(partition)) {
                execute(request, partition);
                ran++;
            }
            next = nextWaiting(request);
        }
        if (ran == 0) {
            log.info("{}: partition {} is {} already and none of its job waits: nothing to run", instance,
                    requested.getStepName(), repository.getStepExecution(requested.getId()).getStatus());
        }
    }

    /**
     * Takes a waiting partition: STARTED, with this worker's name in its context, so that a worker killed
     * before its first commit is still named when the lease fails the partition. False when it is not
     * waiting, or another worker took it first.
     */
    private boolean claim(StepExecution partition) {
        if (partition.getStatus() != BatchStatus.STARTING) {
            return false;
        }
        partition.setStatus(BatchStatus.STARTED);
        try {
            repository.update(partition);
        } catch (OptimisticLockingFailureException e) {
            return false;
        }
        partition.getExecutionContext().putString(PartitionProgress.WORKER, instance);
        repository.updateExecutionContext(partition);
        return true;
    }

    private void execute(PartitionRequest request, StepExecution partition) {
        log.info("{}: running partition {} (step execution {})", instance, partition.getStepName(), partition.getId());
        StepExecution ended = handler.handle(new StepExecutionRequest(request.stepName(), partition.getId()));
        log.info("{}: partition {} ended {}", instance, ended.getStepName(), ended.getStatus());
    }

    /** The oldest partition of the request's job execution and worker step that still waits for a worker. */
    private Optional<StepExecution> nextWaiting(PartitionRequest request) {
        JobExecution job = repository.getJobExecution(request.jobExecutionId());
        if (job == null || job.getStatus() != BatchStatus.STARTED) {
            // ended, or stopping: a stop takes effect at the running partitions' next chunk, none starts anew
            return Optional.empty();
        }
        return job.getStepExecutions().stream()
                .filter(step -> step.getStatus() == BatchStatus.STARTING && request.names(step))
                .min(Comparator.comparingLong(StepExecution::getId));
    }
}
