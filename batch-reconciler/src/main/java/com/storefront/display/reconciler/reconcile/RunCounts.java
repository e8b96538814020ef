package com.storefront.display.reconciler.reconcile;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Counters of a reconcile partition, by kind ({@link #FOUND}, {@link #REPAIRED}) and key
 * ({@code products:stale}), kept in the step's execution context as {@code <kind>.<key>}. Summed over
 * the partitions they make a run's report.
 */
public final class RunCounts {

    public static final String FOUND = "drift.found";
    public static final String REPAIRED = "drift.repaired";

    private final Map<String, Long> counts = new TreeMap<>();

    public static RunCounts from(ExecutionContext context) {
        RunCounts counts = new RunCounts();
        counts.addAll(context);
        return counts;
    }

    /** Adds the counters of a partition's execution context to these. */
    public void addAll(ExecutionContext context) {
        for (Map.Entry<String, Object> entry : context.entrySet()) {
            String name = entry.getKey();
            if ((name.startsWith(FOUND + ".") || name.startsWith(REPAIRED + ".")) && entry.getValue() instanceof Number count) {
                counts.merge(name, count.longValue(), Long::sum);
            }
        }
    }

    void add(String kind, String key) {
        counts.merge(kind + "." + key, 1L, Long::sum);
    }

    void saveTo(ExecutionContext context) {
        counts.forEach(context::putLong);
    }

    /** The counters of one kind, by key, e.g. {@code {"products:stale": 3}}. */
    public Map<String, Long> of(String kind) {
        Map<String, Long> selected = new TreeMap<>();
        counts.forEach((name, count) -> {
            if (name.startsWith(kind + ".")) {
                selected.put(name.substring(kind.length() + 1), count);
            }
        });
        return selected;
    }
}
