package com.storefront.display.reconciler.schedule;

import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.storefront.display.reconciler.ReconcilerProperties;

/**
 * The nightly reconcile trigger, in Quartz's clustered JDBC store: however many instances share the
 * database, each fire runs on one of them. A fire missed while every instance was down (beyond Quartz's
 * misfire threshold) runs once as soon as one is up, not once per missed night: {@code FireAndProceed}.
 * <p>
 * A starting instance keeps the stored trigger when its schedule is the configured one, and replaces it
 * only when the cron or zone changed ({@link TriggerSchedule}): replacing it on every start (Spring's
 * {@code overwrite-existing-jobs}) rewound its next fire to the first cron time after the new trigger
 * was built, a fire another instance may have run meanwhile, and it fired again (TwoSchedulersIT saw it
 * in CI: the reconcile itself ran once, refused the second time as already run).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "display.reconciler.schedule.enabled", matchIfMissing = true)
class ScheduleConfiguration {

    static final String JOB = "nightly-reconcile";

    @Bean
    JobDetail nightlyReconcileJob() {
        return JobBuilder.newJob(NightlyReconcile.class).withIdentity(JOB).storeDurably()
                .requestRecovery(true)
                .withDescription("reconcile every shop and domain against the sources").build();
    }

    @Bean
    Trigger nightlyReconcileTrigger(JobDetail nightlyReconcileJob, ReconcilerProperties properties) {
        ReconcilerProperties.Schedule schedule = properties.schedule();
        return TriggerBuilder.newTrigger().forJob(nightlyReconcileJob).withIdentity(JOB)
                .withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron())
                        .inTimeZone(TimeZone.getTimeZone(schedule.zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Bean
    TriggerSchedule nightlyReconcileSchedule(Scheduler scheduler, Trigger nightlyReconcileTrigger) {
        return new TriggerSchedule(scheduler, nightlyReconcileTrigger);
    }
}
