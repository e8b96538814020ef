package com.storefront.display.reconciler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Properties;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/** A starting instance keeps a stored trigger of the same schedule, next fire included, and replaces a changed one. */
class TriggerScheduleTest {

    private Scheduler scheduler;
    private JobDetail job;

    @BeforeEach
    void scheduler() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "trigger-schedule-test-" + System.nanoTime());
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        scheduler = new StdSchedulerFactory(properties).getScheduler();
        job = JobBuilder.newJob(Job.class).withIdentity(ScheduleConfiguration.JOB).storeDurably().build();
        scheduler.addJob(job, false);
    }

    @AfterEach
    void shutdown() throws Exception {
        scheduler.shutdown();
    }

    @Test
    void aStoredTriggerOfTheSameScheduleKeepsItsNextFire() throws Exception {
        Date start = new Date((System.currentTimeMillis() / 1000 - 1) * 1000); // a cron trigger keeps whole seconds
        scheduler.scheduleJob(trigger("0 30 3 * * ?", start));
        Date nextFire = scheduler.getTrigger(trigger("0 30 3 * * ?", null).getKey()).getNextFireTime();

        new TriggerSchedule(scheduler, trigger("0 30 3 * * ?", new Date(System.currentTimeMillis() + 3_600_000))).afterSingletonsInstantiated();

        Trigger stored = scheduler.getTrigger(trigger("0 30 3 * * ?", null).getKey());
        assertThat(stored.getStartTime()).isEqualTo(start);
        assertThat(stored.getNextFireTime()).isEqualTo(nextFire);
    }

    @Test
    void aStoredTriggerOfAnotherCronIsReplaced() throws Exception {
        scheduler.scheduleJob(trigger("0 30 3 * * ?", null));

        new TriggerSchedule(scheduler, trigger("0 0 4 * * ?", null)).afterSingletonsInstantiated();

        assertThat(((CronTrigger) scheduler.getTrigger(trigger("0 0 4 * * ?", null).getKey())).getCronExpression())
                .isEqualTo("0 0 4 * * ?");
    }

    private Trigger trigger(String cron, Date start) {
        TriggerBuilder<CronTrigger> builder = TriggerBuilder.newTrigger().forJob(job).withIdentity(ScheduleConfiguration.JOB)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone("UTC"))
                        .withMisfireHandlingInstructionFireAndProceed());
        return (start == null ? builder : builder.startAt(start)).build();
    }
}
