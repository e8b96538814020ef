package com.storefront.display.reconciler.partition;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.core.task.TaskExecutor;

/** Partitions on local threads: one process, no Kafka hop. */
final class LocalPartitions implements Partitions {

    private final JobRepository repository;
    private final TaskExecutor executor;
    private final int gridSize;

    LocalPartitions(JobRepository repository, TaskExecutor executor, int gridSize) {
        this.repository = repository;
        this.executor = executor;
        this.gridSize = gridSize;
    }

    @Override
    public Step manager(String name, Partitioner partitioner, Step worker) {
        return new StepBuilder(name, repository)
                .partitioner(worker.getName(), partitioner)
                .step(worker)
                .gridSize(gridSize)
                .taskExecutor(executor)
                .build();
    }
}
