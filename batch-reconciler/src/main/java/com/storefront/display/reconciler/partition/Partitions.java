package com.storefront.display.reconciler.partition;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.Step;

/**
 * How a job's manager step runs its partitions: on local threads of this process (the single-process
 * default), or on the workers of every instance, over Kafka ({@code display.reconciler.remote}). Either
 * way a partition is a step execution in the job repository, so a restart re-runs only the partitions
 * that did not complete, each from its last committed chunk.
 */
public interface Partitions {

    /**
     * The manager step {@code name}: {@code partitioner} splits the work, each partition runs as
     * {@code worker}, and the step ends once every partition ended.
     */
    Step manager(String name, Partitioner partitioner, Step worker);
}
