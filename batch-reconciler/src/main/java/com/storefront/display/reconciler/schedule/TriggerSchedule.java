package com.storefront.display.reconciler.schedule;

import java.util.Objects;

import org.quartz.CronTrigger;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Makes the stored trigger the configured one without rewinding it: once the scheduler holds its jobs
 * and triggers (before it starts), a stored cron trigger with the configured cron and zone is left as it
 * is, next fire time included; one with another schedule is replaced; a missing one is stored (the
 * nightly trigger Spring has stored already; the sync triggers are made here, one per domain).
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
            if (stored == null) {
                try {
                    scheduler.scheduleJob(configured);
                    log.info("trigger {} stored: {}", configured.getKey(), describe(configured));
                } catch (ObjectAlreadyExistsException anotherInstanceStoredIt) {
                    log.debug("trigger {} was stored by another instance meanwhile", configured.getKey());
                }
            } else if (!sameSchedule(stored, configured)) {
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
        if (stored instanceof SimpleTrigger a && configured instanceof SimpleTrigger b) {
            return a.getRepeatInterval() == b.getRepeatInterval() && a.getMisfireInstruction() == b.getMisfireInstruction()
                    && a.getJobKey().equals(b.getJobKey()) && a.getJobDataMap().equals(b.getJobDataMap());
        }
        return false;
    }

    private static String describe(Trigger trigger) {
        if (trigger instanceof SimpleTrigger simple) {
            return "every " + java.time.Duration.ofMillis(simple.getRepeatInterval()) + " " + simple.getJobDataMap().getWrappedMap();
        }
        return trigger instanceof CronTrigger cron ? "cron '" + cron.getCronExpression() + "' in " + cron.getTimeZone().getID()
                : trigger.toString();
    }
}
