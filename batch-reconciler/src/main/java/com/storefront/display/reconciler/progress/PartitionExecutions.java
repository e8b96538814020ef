package com.storefront.display.reconciler.progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The steps that do a job instance's work, as they stand: the latest execution of each partition (or
 * single worker step), across every execution of the instance. A restart re-runs only failed
 * partitions, so the partitions an earlier execution completed count for the instance too. The manager
 * step of a partitioned step (named as the job) does no work of its own and is left out.
 */
public final class PartitionExecutions {

    private PartitionExecutions() {
    }

    public static List<StepExecution> latest(JobRepository repository, JobExecution execution) {
        List<JobExecution> executions = new ArrayList<>(repository.getJobExecutions(execution.getJobInstance()));
        executions.sort(Comparator.comparingLong(JobExecution::getId));
        Map<String, StepExecution> latest = new LinkedHashMap<>();
        for (JobExecution run : executions) {
            if (run.getId() > execution.getId()) {
                break;
            }
            JobExecution loaded = repository.getJobExecution(run.getId());
            for (StepExecution step : loaded.getStepExecutions()) {
                if (!step.getStepName().equals(execution.getJobInstance().getJobName())) {
                    latest.put(step.getStepName(), step);
                }
            }
        }
        return new ArrayList<>(latest.values());
    }
}
