package com.storefront.display.reconciler.schedule;

import java.util.Map;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.reconciler.ReconcilerProperties;
import com.storefront.display.reconciler.launch.JobNames;
import com.storefront.display.reconciler.launch.JobRequestException;
import com.storefront.display.reconciler.launch.JobRequests;
import com.storefront.display.reconciler.selection.DomainSelection;
import com.storefront.display.reconciler.sync.SyncMarks;

/**
 * The Quartz job behind each domain's sync trigger: starts an {@code incremental-sync} of that domain,
 * identified by the trigger's scheduled fire time. A domain without a high-water mark is not synced
 * (nothing says where to start): it waits, with a warning, for its first bulk load.
 */
@DisallowConcurrentExecution
public class ScheduledSync extends QuartzJobBean {

    static final String DOMAIN = "domain";

    private static final Logger log = LoggerFactory.getLogger(ScheduledSync.class);

    private final JobRequests requests;
    private final SyncMarks marks;
    private final ReconcilerProperties properties;

    public ScheduledSync(JobRequests requests, SyncMarks marks, ReconcilerProperties properties) {
        this.requests = requests;
        this.marks = marks;
        this.properties = properties;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        Domain domain = Domain.ofSourcePath(context.getMergedJobDataMap().getString(DOMAIN));
        if (!properties.sync().scheduled() || !properties.sync().synced().contains(domain)) {
            // a trigger stored while this domain was configured: no longer wanted
            try {
                context.getScheduler().unscheduleJob(context.getTrigger().getKey());
                log.info("trigger {} removed: {} is no longer in display.reconciler.sync.domains", context.getTrigger().getKey(),
                        domain.sourcePath());
            } catch (org.quartz.SchedulerException e) {
                log.warn("trigger {} of a domain no longer synced could not be removed: {}", context.getTrigger().getKey(), e.toString());
            }
            return;
        }
        if (marks.mark(domain).isEmpty()) {
            log.warn("incremental-sync of {} not started: no high-water mark yet; a bulk-load of {} sets it",
                    domain.sourcePath(), domain.sourcePath());
            return;
        }
        long fireTime = context.getScheduledFireTime().getTime();
        try {
            long executionId = requests.start(JobNames.INCREMENTAL_SYNC, Map.of(DomainSelection.PARAMETER, domain.sourcePath()),
                    fireTime).getId();
            log.debug("incremental-sync of {} for the fire at {} started as execution {}", domain.sourcePath(),
                    context.getScheduledFireTime().toInstant(), executionId);
        } catch (JobRequestException e) {
            log.warn("incremental-sync of {} for the fire at {} not started: {}", domain.sourcePath(),
                    context.getScheduledFireTime().toInstant(), e.getMessage());
        }
    }
}
