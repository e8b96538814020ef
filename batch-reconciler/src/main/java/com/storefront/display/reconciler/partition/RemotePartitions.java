package com.storefront.display.reconciler.partition;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.messaging.MessageChannel;

/**
 * Partitions on remote workers: the manager step sends a request per partition to {@code requests}
 * (bound to the Kafka topic) and polls the job repository until every partition ended, with no reply
 * to aggregate, so a restarted manager finds its partitions' state where the workers left it. The
 * worker steps are registered as the managers are built, in every instance alike, and located here by
 * name when a request arrives.
 */
final class RemotePartitions implements Partitions, StepLocator {

    private final JobRepository repository;
    private final MessageChannel requests;
    private final int gridSize;
    private final long pollMillis;
    private final Map<String, Step> workers = new ConcurrentHashMap<>();

    RemotePartitions(JobRepository repository, MessageChannel requests, int gridSize, long pollMillis) {
        this.repository = repository;
        this.requests = requests;
        this.gridSize = gridSize;
        this.pollMillis = pollMillis;
    }

    @Override
    public Step manager(String name, Partitioner partitioner, Step worker) {
        workers.put(worker.getName(), worker);
        MessagingTemplate template = new MessagingTemplate(requests);
        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
        handler.setStepName(worker.getName());
        handler.setMessagingOperations(template);
        handler.setJobRepository(repository);
        handler.setPollInterval(pollMillis);
        handler.setGridSize(gridSize);
        try {
            handler.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("the partition handler of " + name + " is misconfigured", e);
        }
        return new StepBuilder(name, repository)
                .partitioner(worker.getName(), partitioner)
                .partitionHandler(handler)
                .build();
    }

    @Override
    public Step getStep(String stepName) {
        Step step = workers.get(stepName);
        if (step == null) {
            throw new IllegalStateException("no worker step " + stepName + " here (known: " + workers.keySet() + ")");
        }
        return step;
    }
}
