package com.storefront.display.reconciler.schedule;

import java.util.ArrayList;
import java.util.List;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.reconciler.ReconcilerProperties;

/**
 * One Quartz trigger per domain of {@code display.reconciler.sync.domains}, every
 * {@code display.reconciler.sync.interval} (or the domain's own), in the clustered store: each fire runs
 * on one instance. Fires missed while every instance was down are not made up: the next one syncs
 * everything since the mark anyway.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "display.reconciler.schedule.enabled", matchIfMissing = true)
class SyncScheduleConfiguration {

    static final String JOB = "incremental-sync";

    @Bean
    JobDetail incrementalSyncQuartzJob() {
        return JobBuilder.newJob(ScheduledSync.class).withIdentity(JOB).storeDurably()
                .withDescription("apply each synced domain's incremental export from its high-water mark").build();
    }

    @Bean
    SmartInitializingSingleton incrementalSyncTriggers(Scheduler scheduler, JobDetail incrementalSyncQuartzJob,
                                                       ReconcilerProperties properties) {
        List<TriggerSchedule> schedules = new ArrayList<>();
        if (properties.sync().scheduled()) {
            for (Domain domain : properties.sync().synced()) {
                Trigger trigger = TriggerBuilder.newTrigger().forJob(incrementalSyncQuartzJob)
                        .withIdentity(JOB + ":" + domain.sourcePath())
                        .usingJobData(ScheduledSync.DOMAIN, domain.sourcePath())
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                .withIntervalInMilliseconds(properties.sync().intervalOf(domain).toMillis())
                                .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                        .build();
                schedules.add(new TriggerSchedule(scheduler, trigger));
            }
        }
        return () -> schedules.forEach(TriggerSchedule::afterSingletonsInstantiated);
    }
}
