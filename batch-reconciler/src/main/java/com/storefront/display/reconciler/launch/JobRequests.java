package com.storefront.display.reconciler.launch;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * Starting, stopping and restarting jobs on an operator's (or the scheduler's) request. Parameters are
 * checked before anything starts; a restart of an execution whose process died (left STARTED, not
 * updated for {@code staleAfter}) recovers it first, so it resumes from its last committed chunks.
 */
public final class JobRequests {

    private static final Logger log = LoggerFactory.getLogger(JobRequests.class);
    private static final Set<BatchStatus> UNFINISHED = Set.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

    private final Map<String, Job> jobs;
    private final JobOperator operator;
    private final JobRepository repository;
    private final Duration staleAfter;
    private final boolean manages;
    /** Executions started or restarted by this process: only others can have been abandoned by a dead one. */
    private final Set<Long> startedHere = ConcurrentHashMap.newKeySet();

    /** @param manages false on an instance that only runs partitions ({@code display.reconciler.role=worker}) */
    public JobRequests(List<Job> jobs, JobOperator operator, JobRepository repository, Duration staleAfter, boolean manages) {
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, job -> job));
        this.operator = operator;
        this.repository = repository;
        this.staleAfter = staleAfter;
        this.manages = manages;
    }

    private void requireManager(String what) {
        if (!manages) {
            throw new JobRequestException(JobRequestException.Kind.CONFLICT, "this instance only runs partitions "
                    + "(display.reconciler.role=worker): " + what + " on a manager-and-worker instance");
        }
    }

    /**
     * Starts a new instance of the job.
     *
     * @param parameters the operator's parameters, each a string, number or boolean
     * @param requestedAt identifies the request: the same job, parameters and requestedAt is the same instance
     * @throws JobRequestException INVALID for an unknown job or bad parameters, CONFLICT when that
     *                             instance already ran or runs, or when this instance is a worker
     */
    public JobExecution start(String jobName, Map<String, ?> parameters, long requestedAt) {
        Job job = job(jobName);
        requireManager("start " + jobName);
        JobParameters jobParameters = parameters(parameters, requestedAt);
        try {
            job.getJobParametersValidator().validate(jobParameters);
            JobExecution execution = operator.start(job, jobParameters);
            startedHere.add(execution.getId());
            log.info("started {} execution {} with {}", jobName, execution.getId(), parameters);
            return execution;
        } catch (InvalidJobParametersException e) {
            throw new JobRequestException(JobRequestException.Kind.INVALID, jobName + ": " + e.getMessage());
        } catch (JobInstanceAlreadyCompleteException | JobExecutionAlreadyRunningException | JobRestartException e) {
            throw new JobRequestException(JobRequestException.Kind.CONFLICT, jobName + " with " + parameters
                    + " at " + requestedAt + " already ran or runs: " + e.getMessage());
        }
    }

    /**
     * @throws JobRequestException NOT_FOUND when there is no such execution
     */
    public JobExecution execution(long executionId) {
        JobExecution execution;
        try {
            execution = repository.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException e) {
            execution = null;
        }
        if (execution == null) {
            throw new JobRequestException(JobRequestException.Kind.NOT_FOUND, "no job execution " + executionId);
        }
        return execution;
    }

    /** The most recent executions of every job, newest first, at most {@code limit}. */
    public List<JobExecution> recent(int limit) {
        List<JobExecution> executions = new ArrayList<>();
        for (String job : jobs.keySet()) {
            for (JobInstance instance : repository.getJobInstances(job, 0, limit)) {
                executions.addAll(repository.getJobExecutions(instance));
            }
        }
        executions.sort(Comparator.comparingLong(JobExecution::getId).reversed());
        return executions.subList(0, Math.min(limit, executions.size()));
    }

    public void stop(long executionId) {
        JobExecution execution = execution(executionId);
        try {
            operator.stop(execution);
            log.info("stop requested for {} execution {}", execution.getJobInstance().getJobName(), executionId);
        } catch (JobExecutionNotRunningException e) {
            throw new JobRequestException(JobRequestException.Kind.CONFLICT, "execution " + executionId + " is not running ("
                    + execution.getStatus() + ")");
        }
    }

    /**
     * Restarts a failed or stopped execution, or one abandoned by a process that died.
     *
     * @return the new execution
     */
    public JobExecution restart(long executionId) {
        requireManager("restart execution " + executionId);
        JobExecution execution = execution(executionId);
        if (UNFINISHED.contains(execution.getStatus())) {
            if (startedHere.contains(executionId) || !stale(execution)) {
                throw new JobRequestException(JobRequestException.Kind.CONFLICT, "execution " + executionId + " is "
                        + execution.getStatus() + " and was updated within " + staleAfter + "; stop it first");
            }
            log.warn("execution {} is {} but nothing updated it for {}: its process died; recovering it",
                    executionId, execution.getStatus(), staleAfter);
            execution = operator.recover(execution);
        }
        try {
            JobExecution restarted = operator.restart(execution);
            startedHere.add(restarted.getId());
            log.info("restarted {} execution {} as {}", execution.getJobInstance().getJobName(), executionId, restarted.getId());
            return restarted;
        } catch (JobRestartException e) {
            throw new JobRequestException(JobRequestException.Kind.CONFLICT, "execution " + executionId + " ("
                    + execution.getStatus() + ") cannot be restarted: " + e.getMessage());
        }
    }

    private boolean stale(JobExecution execution) {
        LocalDateTime last = execution.getLastUpdated() != null ? execution.getLastUpdated() : execution.getStartTime();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getLastUpdated() != null && (last == null || step.getLastUpdated().isAfter(last))) {
                last = step.getLastUpdated();
            }
        }
        return last == null || last.plus(staleAfter).isBefore(LocalDateTime.now());
    }

    private Job job(String name) {
        Job job = jobs.get(name);
        if (job == null) {
            throw new JobRequestException(JobRequestException.Kind.INVALID, "unknown job '" + name + "', expected one of "
                    + new TreeMap<>(jobs).keySet());
        }
        return job;
    }

    private static JobParameters parameters(Map<String, ?> given, long requestedAt) {
        Set<JobParameter<?>> parameters = new HashSet<>();
        for (Map.Entry<String, ?> entry : given.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof List<?> list && !list.isEmpty()
                    && list.stream().allMatch(element -> element instanceof String || element instanceof Number)) {
                // {"domains": ["stock", "prices"]} means what "stock,prices" means
                value = list.stream().map(String::valueOf).collect(Collectors.joining(","));
            }
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new JobRequestException(JobRequestException.Kind.INVALID, "parameter '" + entry.getKey()
                        + "' must be a string, number, boolean or a list of strings or numbers, got " + value);
            }
            if (JobNames.REQUESTED_AT.equals(entry.getKey())) {
                throw new JobRequestException(JobRequestException.Kind.INVALID, "'" + JobNames.REQUESTED_AT + "' is set by the platform");
            }
            parameters.add(new JobParameter<>(entry.getKey(), String.valueOf(value), String.class, true));
        }
        parameters.add(new JobParameter<>(JobNames.REQUESTED_AT, requestedAt, Long.class, true));
        return new JobParameters(parameters);
    }
}
