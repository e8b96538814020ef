package com.storefront.display.reconciler.partition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

import com.storefront.display.reconciler.progress.PartitionProgress;

/**
 * Runs the partitions this instance takes from the requests topic, through Spring Batch's
 * {@link StepExecutionRequestHandler}, once each: Kafka delivers at least once (a rebalance re-delivers a
 * request whose offset was not committed yet), so a request whose partition another worker already
 * started, or that a manager already failed, is skipped. Two workers racing for one request are
 * settled by the job repository's optimistic lock on the step execution.
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

    void run(PartitionRequest request) {
        StepExecution partition = repository.getStepExecution(request.stepExecutionId());
        if (partition == null || !request.names(partition)) {
            log.error("{}: {} is not a partition of this job store ({}): a topic or group shared with another "
                    + "job store? Skipped; its manager's lease fails it", instance, request,
                    partition == null ? "no such step execution" : "step execution " + partition.getId() + " is "
                            + partition.getStepName() + " of job execution " + partition.getJobExecutionId());
            return;
        }
        if (partition.getStatus() != BatchStatus.STARTING) {
            log.info("{}: partition {} is {} already: taken by another worker or failed by its manager, skipped",
                    instance, partition.getStepName(), partition.getStatus());
            return;
        }
        log.info("{}: running partition {} (step execution {})", instance, partition.getStepName(), partition.getId());
        // the worker's name is in the repository before the step starts, so a worker killed before its
        // first commit is still named when the manager's lease fails its partition
        partition.getExecutionContext().putString(PartitionProgress.WORKER, instance);
        repository.updateExecutionContext(partition);
        StepExecution ended = handler.handle(request.toStepExecutionRequest());
        log.info("{}: partition {} ended {}", instance, ended.getStepName(), ended.getStatus());
    }
}
