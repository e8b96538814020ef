package com.storefront.display.reconciler.partition;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;

import com.storefront.display.core.domain.DomainJson;

/**
 * A partition request as it travels on the Kafka topic: JSON (Spring Batch's {@link StepExecutionRequest}
 * is Java-serializable only), with the job execution the partition belongs to, so that a worker on
 * another job store (a topic or group shared by mistake) cannot take it for one of its own.
 *
 * @param stepName        the worker step to run
 * @param jobExecutionId  the job execution of the partition
 * @param stepExecutionId the partition's step execution in the shared job repository
 */
record PartitionRequest(String stepName, long jobExecutionId, long stepExecutionId) {

    static byte[] encode(StepExecutionRequest request, JobRepository repository) {
        StepExecution partition = repository.getStepExecution(request.getStepExecutionId());
        if (partition == null) {
            throw new IllegalStateException("no step execution " + request.getStepExecutionId() + " to request");
        }
        return DomainJson.MAPPER.writeValueAsBytes(new PartitionRequest(request.getStepName(), partition.getJobExecutionId(),
                request.getStepExecutionId()));
    }

    static PartitionRequest decode(byte[] json) {
        return DomainJson.MAPPER.readValue(json, PartitionRequest.class);
    }

    /** Whether {@code partition}, as this worker's job repository has it, is the one requested. */
    boolean names(StepExecution partition) {
        return partition.getJobExecutionId() == jobExecutionId && partition.getStepName().startsWith(stepName + ":");
    }

    StepExecutionRequest toStepExecutionRequest() {
        return new StepExecutionRequest(stepName, stepExecutionId);
    }
}
