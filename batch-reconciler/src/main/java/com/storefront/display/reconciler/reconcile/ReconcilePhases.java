package com.storefront.display.reconciler.reconcile;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Where a reconcile's time goes, as the timer {@code display.reconcile.phase} tagged {@code phase}: the
 * source listings of a shop, the read of its read-model partitions, the comparison, and the repairs'
 * writes (with the drift samples' records). Summed over all partition threads of the process, so the
 * shares, not the totals, compare with a job's elapsed time.
 */
public final class ReconcilePhases {

    public static final String TIMER = "display.reconcile.phase";

    /** The phases, by their tag value. */
    public enum Phase {
        SOURCE_LISTING("source-listing"), READ_MODEL_READ("read-model-read"), COMPARISON("comparison"), REPAIR_WRITE("repair-write");

        private final String tag;

        Phase(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final Map<Phase, Timer> timers = new EnumMap<>(Phase.class);

    public ReconcilePhases(MeterRegistry meters) {
        for (Phase phase : Phase.values()) {
            timers.put(phase, Timer.builder(TIMER).tag("phase", phase.tag())
                    .description("time a reconcile spends in each phase, all partition threads summed").register(meters));
        }
    }

    /** Runs the work, timed as the phase. */
    public <T> T time(Phase phase, Supplier<T> work) {
        return timers.get(phase).record(work);
    }

    public void time(Phase phase, Runnable work) {
        timers.get(phase).record(work);
    }
}
