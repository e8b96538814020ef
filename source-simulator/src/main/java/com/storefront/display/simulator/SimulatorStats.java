package com.storefront.display.simulator;

import java.util.concurrent.atomic.AtomicLong;

/** What the simulator did, counted: every fault knob is observable here. */
public final class SimulatorStats {

    public final AtomicLong changes = new AtomicLong();
    public final AtomicLong sent = new AtomicLong();
    public final AtomicLong sendErrors = new AtomicLong();
    public final AtomicLong dropped = new AtomicLong();
    public final AtomicLong duplicated = new AtomicLong();
    public final AtomicLong reordered = new AtomicLong();
    public final AtomicLong delayed = new AtomicLong();
    public final AtomicLong malformed = new AtomicLong();
    public final AtomicLong unknownType = new AtomicLong();
    public final AtomicLong apiRequests = new AtomicLong();
    public final AtomicLong apiErrors = new AtomicLong();
    public final AtomicLong apiOutageRejections = new AtomicLong();
    /** Changes of domains without events ({@code opening-hours}): made at the source, never published. */
    public final AtomicLong sourceOnly = new AtomicLong();
    private final LostEvents lostEvents = new LostEvents();

    /** The entities whose latest event was lost on the way to Kafka. */
    public LostEvents lostEvents() {
        return lostEvents;
    }

    /** A consistent-enough copy for reports (each counter read once). */
    public Snapshot snapshot() {
        return new Snapshot(changes.get(), sent.get(), sendErrors.get(), dropped.get(), duplicated.get(), reordered.get(),
                delayed.get(), malformed.get(), unknownType.get(), apiRequests.get(), apiErrors.get(),
                apiOutageRejections.get(), sourceOnly.get());
    }

    public record Snapshot(long changes, long sent, long sendErrors, long dropped, long duplicated, long reordered,
                           long delayed, long malformed, long unknownType, long apiRequests, long apiErrors,
                           long apiOutageRejections, long sourceOnly) {
    }
}
