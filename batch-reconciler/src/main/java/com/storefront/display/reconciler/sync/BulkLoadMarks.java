package com.storefront.display.reconciler.sync;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.listener.JobExecutionListener;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.source.SourceVersions;
import com.storefront.display.reconciler.launch.BulkLoadRequest;

/**
 * Where incremental sync starts after a bulk load: a completed bulk load read every domain it loaded as
 * the source had it some time after the load began, so every change up to its start (less
 * {@code margin}, for a source clock behind ours) is in the read model. The start is kept in the job's
 * context, so a restarted load still counts from its first start.
 */
public final class BulkLoadMarks implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(BulkLoadMarks.class);
    private static final String STARTED = "sync.bulk-load-started-micros";

    private final SyncMarks marks;
    private final SyncLag lag;
    private final Duration margin;

    public BulkLoadMarks(SyncMarks marks, SyncLag lag, Duration margin) {
        this.marks = marks;
        this.lag = lag;
        this.margin = margin;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        if (!execution.getExecutionContext().containsKey(STARTED)) {
            execution.getExecutionContext().putLong(STARTED, SourceVersions.of(Instant.now()));
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED || !execution.getExecutionContext().containsKey(STARTED)) {
            return;
        }
        long mark = execution.getExecutionContext().getLong(STARTED) - SourceVersions.span(margin);
        try {
            for (Domain domain : BulkLoadRequest.of(execution.getJobParameters()).domains()) {
                marks.atLeast(domain, mark);
                lag.marked(domain, mark);
            }
            log.info("bulk-load execution {} completed: incremental sync of its domains continues from version {} ({})",
                    execution.getId(), mark, SourceVersions.instant(mark));
        } catch (InvalidJobParametersException e) {
            throw new IllegalStateException("bulk-load execution " + execution.getId() + " has parameters it was not "
                    + "started with: " + e.getMessage(), e);
        }
    }
}
