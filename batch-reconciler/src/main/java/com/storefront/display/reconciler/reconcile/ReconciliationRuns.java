package com.storefront.display.reconciler.reconcile;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.data.cassandra.core.cql.CqlOperations;

import com.storefront.display.core.cql.CqlConsistency;
import com.storefront.display.reconciler.launch.JobNames;
import com.storefront.display.reconciler.launch.ReconcileRequest;
import com.storefront.display.reconciler.progress.PartitionExecutions;

/**
 * Reports of reconcile runs: drift counts per domain and kind and how many were repaired, summed over
 * the partitions of the run's job instance (live while it runs), and kept in {@code reconciliation_run}
 * when it ends, for the history of drift over time.
 */
public final class ReconciliationRuns implements JobExecutionListener {

    /** A run's report; counts keyed {@code <domain>:<kind>}, e.g. {@code products:stale}. */
    public record RunReport(long executionId, String status, boolean dryRun, String scope, Instant startedAt,
                            Instant finishedAt, Map<String, Long> drift, Map<String, Long> repaired) {
    }

    private final JobRepository jobs;
    private final CqlOperations cql;

    public ReconciliationRuns(JobRepository jobs, CqlOperations cql) {
        this.jobs = jobs;
        this.cql = cql;
    }

    /** The report of a reconcile execution; empty when there is no such execution or it is another job's. */
    public Optional<RunReport> find(long executionId) {
        JobExecution execution;
        try {
            execution = jobs.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException e) {
            return Optional.empty();
        }
        if (execution == null || !JobNames.RECONCILE.equals(execution.getJobInstance().getJobName())) {
            return Optional.empty();
        }
        return Optional.of(report(execution));
    }

    /**
     * The finished runs kept in {@code reconciliation_run}, newest first, at most {@code limit}: the history
     * of drift over time. A small table (one row per run), read whole.
     */
    public List<RunReport> history(int limit) {
        List<RunReport> runs = new ArrayList<>(cql.query("SELECT execution_id, status, dry_run, scope, started_at, finished_at, "
                + "drift_counts, repaired_counts FROM reconciliation_run", (row, n) -> new RunReport(row.getLong(0),
                row.getString(1), row.getBoolean(2), row.getString(3), row.getInstant(4), row.getInstant(5),
                new TreeMap<>(row.getMap(6, String.class, Long.class)), new TreeMap<>(row.getMap(7, String.class, Long.class)))));
        runs.sort(Comparator.comparingLong(RunReport::executionId).reversed());
        return runs.subList(0, Math.min(limit, runs.size()));
    }

    RunReport report(JobExecution execution) {
        RunCounts counts = new RunCounts();
        for (StepExecution partition : PartitionExecutions.latest(jobs, execution)) {
            counts.addAll(partition.getExecutionContext());
        }
        ReconcileRequest request = request(execution);
        return new RunReport(execution.getId(), execution.getStatus().name(), request.dryRun(), request.scope(),
                instant(execution.getStartTime()), instant(execution.getEndTime()),
                counts.of(RunCounts.FOUND), counts.of(RunCounts.REPAIRED));
    }

    /** The run's request; its parameters were validated when it started, so they parse. */
    private static ReconcileRequest request(JobExecution execution) {
        try {
            return ReconcileRequest.of(execution.getJobParameters());
        } catch (InvalidJobParametersException e) {
            throw new IllegalStateException("reconcile execution " + execution.getId() + " has parameters it was not "
                    + "started with: " + e.getMessage(), e);
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        RunReport report = report(jobs.getJobExecution(execution.getId()));
        cql.execute(CqlConsistency.write("INSERT INTO reconciliation_run (execution_id, started_at, finished_at, status, dry_run, scope, "
                        + "drift_counts, repaired_counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", report.executionId(),
                report.startedAt(), Instant.now(), execution.getStatus().name(), report.dryRun(), report.scope(),
                report.drift(), report.repaired()));
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }
}
