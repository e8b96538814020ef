package com.storefront.display.bench.common;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.storefront.display.core.write.DisplayWrite;

/**
 * The raw ceiling every write benchmark measures against: a plain async driver loop, at most
 * {@code inFlight} statements in flight, nothing of ours in the way.
 */
public final class DriverLoop {

    private DriverLoop() {
    }

    /**
     * Executes each item's statement, made from it inside the timed loop by {@code statement} (so a
     * ceiling that binds as it goes pays for binding, as the path it is compared with does).
     *
     * @return items per second, from the first execution to the last acknowledgement
     */
    public static <T> double execute(CqlSession session, List<T> items, Function<T, Statement<?>> statement, int inFlight)
            throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        for (T item : items) {
            permits.acquire();
            session.executeAsync(statement.apply(item)).whenComplete((rows, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                permits.release();
            });
        }
        permits.acquire(inFlight);
        double rate = items.size() / ((System.nanoTime() - start) / 1e9);
        permits.release(inFlight);
        if (failure.get() != null) {
            throw new IllegalStateException("a raw statement failed", failure.get());
        }
        return rate;
    }

    /** Binds a write to its statement shape, prepared once per shape in {@code prepared}. */
    public static BoundStatement bind(CqlSession session, Map<String, PreparedStatement> prepared, DisplayWrite write) {
        return prepared.computeIfAbsent(write.cql(), session::prepare).bind(write.bindValues().toArray());
    }

    /** A cache of prepared statements for {@link #bind}, safe to share between threads. */
    public static Map<String, PreparedStatement> preparedCache() {
        return new ConcurrentHashMap<>();
    }
}
