package com.storefront.display.reconciler.schedule;

import java.util.Objects;

import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Makes the stored trigger the configured one without rewinding it: once the scheduler holds its jobs
 * and triggers (before it starts), a stored cron trigger with the configured cron and zone is left as it
 * is, next fire time included; one with another schedule is replaced. A missing one Spring has stored.
 */
final class TriggerSchedule implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TriggerSchedule.class);

    private final Scheduler scheduler;
    private final Trigger configured;

    TriggerSchedule(Scheduler scheduler, Trigger configured) {
        this.scheduler = scheduler;
        this.configured = configured;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            Trigger stored = scheduler.getTrigger(configured.getKey());
            if (stored != null && !sameSchedule(stored, configured)) {
                scheduler.rescheduleJob(configured.getKey(), configured);
                log.info("trigger {} changed from {} to {}", configured.getKey(), describe(stored), describe(configured));
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("the trigger " + configured.getKey() + " could not be stored", e);
        }
    }

    private static boolean sameSchedule(Trigger stored, Trigger configured) {
        if (stored instanceof CronTrigger a && configured instanceof CronTrigger b) {
            return Objects.equals(a.getCronExpression(), b.getCronExpression())
                    && Objects.equals(a.getTimeZone().getID(), b.getTimeZone().getID())
                    && a.getMisfireInstruction() == b.getMisfireInstruction();
        }
        return false;
    }

    private static String describe(Trigger trigger) {
        return trigger instanceof CronTrigger cron ? "cron '" + cron.getCronExpression() + "' in " + cron.getTimeZone().getID()
                : trigger.toString();
    }
}
