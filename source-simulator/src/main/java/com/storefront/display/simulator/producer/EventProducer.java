package com.storefront.display.simulator.producer;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storefront.display.simulator.SimulatorStats;
import com.storefront.display.simulator.fault.EventFaults;
import com.storefront.display.simulator.truth.Change;
import com.storefront.display.simulator.truth.SourceOfTruth;

/**
 * The upstream domains at work: picks changes, applies each to the source of truth first, then
 * publishes its event through the fault pipeline. Either a bounded run on the caller's thread
 * ({@link #produce}) or a steady stream on a thread of its own ({@link #start}); one at a time.
 */
public final class EventProducer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventProducer.class);
    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

    private final ChangeGenerator changes;
    private final EventPipeline pipeline;
    private final SimulatorStats stats;
    private final AtomicReference<ProducerSettings> settings;
    private volatile Thread streaming;
    private volatile boolean stopRequested;

    public EventProducer(SourceOfTruth truth, long seed, EventSink sink, Supplier<EventFaults> faults,
                         SimulatorStats stats, ProducerSettings initial) {
        this.changes = new ChangeGenerator(truth, seed);
        this.pipeline = new EventPipeline(sink, faults, stats, changes.random());
        this.stats = stats;
        this.settings = new AtomicReference<>(initial);
    }

    public ProducerSettings settings() {
        return settings.get();
    }

    /** Takes effect for the next change, also while streaming. */
    public void update(ProducerSettings newSettings) {
        settings.set(newSettings);
    }

    /**
     * Makes {@code count} changes at the configured rate, publishes their events, and returns when every
     * event is acknowledged by the sink (delayed ones included).
     *
     * @throws IllegalStateException while the steady stream runs
     */
    public synchronized void produce(long count) {
        if (streaming != null) {
            throw new IllegalStateException("the steady event stream is running; stop it before a bounded run");
        }
        // a stop of an earlier steady stream must not end this run before its first change
        stopRequested = false;
        run(count);
        pipeline.flush();
    }

    /** Starts the steady stream; no-op when it already runs. */
    public synchronized void start() {
        if (streaming != null) {
            return;
        }
        stopRequested = false;
        streaming = new Thread(() -> {
            try {
                run(Long.MAX_VALUE);
            } catch (RuntimeException e) {
                log.error("event stream stopped by an error", e);
            } finally {
                pipeline.flush();
            }
        }, "simulator-events");
        streaming.setDaemon(true);
        streaming.start();
        log.info("event stream started: {}", settings.get());
    }

    /** Stops the steady stream after flushing what it holds; no-op when it does not run. */
    public synchronized void stop() {
        Thread thread = streaming;
        if (thread == null) {
            return;
        }
        stopRequested = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        streaming = null;
        log.info("event stream stopped after {} changes in total", stats.changes.get());
    }

    public boolean streaming() {
        return streaming != null;
    }

    @Override
    public void close() {
        stop();
    }

    private void run(long count) {
        ProducerSettings paced = settings.get();
        long pacingStart = System.nanoTime();
        long pacedCount = 0;
        long lastProgress = pacingStart;
        long lastProgressChanges = stats.changes.get();
        for (long made = 0; made < count && !stopRequested; made++) {
            ProducerSettings now = settings.get();
            if (now != paced) {
                paced = now;
                pacingStart = System.nanoTime();
                pacedCount = 0;
            }
            waitForRate(now.ratePerSecond(), pacingStart, pacedCount);
            Change change = changes.next(now);
            long sequence = stats.changes.incrementAndGet();
            if (change.domain().hasEvents()) {
                pipeline.accept(EventFactory.event(change, now, changes.random()), sequence);
            } else {
                // made at its source only: the source API's incremental export tells it, no event does
                stats.sourceOnly.incrementAndGet();
            }
            pacedCount++;
            long t = System.nanoTime();
            if (t - lastProgress >= PROGRESS_EVERY_NANOS) {
                log.info("events: {} changes in total, {}/s lately, {} held by faults", sequence,
                        (sequence - lastProgressChanges) * 1_000_000_000L / (t - lastProgress), pipeline.pending());
                lastProgress = t;
                lastProgressChanges = sequence;
            }
        }
    }

    /** Sleeps until the rate allows one more change; releases delayed events meanwhile. */
    private void waitForRate(int ratePerSecond, long start, long done) {
        if (ratePerSecond <= 0) {
            return;
        }
        long due = start + done * 1_000_000_000L / ratePerSecond;
        long wait;
        while ((wait = due - System.nanoTime()) > 0 && !stopRequested) {
            pipeline.releaseDue();
            LockSupport.parkNanos(Math.min(wait, 5_000_000));
        }
    }
}
