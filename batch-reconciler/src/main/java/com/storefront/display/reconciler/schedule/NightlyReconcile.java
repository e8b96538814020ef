package com.storefront.display.reconciler.schedule;

import java.util.Map;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

import com.storefront.display.reconciler.launch.JobNames;
import com.storefront.display.reconciler.launch.JobRequestException;
import com.storefront.display.reconciler.launch.JobRequests;

/**
 * The Quartz job behind the nightly trigger: starts a {@code reconcile} of every shop and domain. The
 * trigger's scheduled fire time identifies the job instance, so even a fire that two instances both saw
 * (which clustered Quartz prevents) would start one execution.
 */
@DisallowConcurrentExecution
public class NightlyReconcile extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(NightlyReconcile.class);

    private final JobRequests requests;

    public NightlyReconcile(JobRequests requests) {
        this.requests = requests;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        long fireTime = context.getScheduledFireTime().getTime();
        try {
            long executionId = requests.start(JobNames.RECONCILE, Map.of(), fireTime).getId();
            log.info("nightly reconcile for the fire at {} started as execution {} (instance {})",
                    context.getScheduledFireTime().toInstant(), executionId, context.getScheduler().getSchedulerInstanceId());
        } catch (JobRequestException e) {
            log.warn("nightly reconcile for the fire at {} not started: {}", context.getScheduledFireTime().toInstant(),
                    e.getMessage());
        } catch (org.quartz.SchedulerException e) {
            log.debug("no scheduler instance id", e);
        }
    }
}
