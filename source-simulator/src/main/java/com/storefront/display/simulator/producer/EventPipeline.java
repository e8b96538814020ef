package com.storefront.display.simulator.producer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import com.storefront.display.core.domain.DomainJson;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.simulator.SimulatorStats;
import com.storefront.display.simulator.fault.EventFaults;

import tools.jackson.databind.node.ObjectNode;

/**
 * Between a change and Kafka: applies the event faults in force, in this order: drop, malformed or
 * unknown type, duplicate, reorder, delay. Single-threaded; each effect is counted in {@link SimulatorStats}.
 */
final class EventPipeline {

    private record Held(long dueNanos, long order, OutgoingEvent event) {
    }

    private final EventSink sink;
    private final Supplier<EventFaults> faults;
    private final SimulatorStats stats;
    private final SplittableRandom random;
    private final List<OutgoingEvent> reorderBuffer = new ArrayList<>();
    private final PriorityQueue<Held> delayed = new PriorityQueue<>((a, b) -> a.dueNanos != b.dueNanos
            ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.order, b.order));
    private long heldCount;

    EventPipeline(EventSink sink, Supplier<EventFaults> faults, SimulatorStats stats, SplittableRandom random) {
        this.sink = sink;
        this.faults = faults;
        this.stats = stats;
        this.random = random;
    }

    void accept(DomainEvent event, long sequence) {
        EventFaults now = faults.get();
        if (roll(now.dropPercent())) {
            stats.dropped.incrementAndGet();
            stats.lostEvents().lost(event);
            return;
        }
        stats.lostEvents().delivered(event);
        OutgoingEvent outgoing = bend(event, sequence, now);
        int copies = 1;
        if (roll(now.duplicatePercent())) {
            stats.duplicated.incrementAndGet();
            copies = 2;
        }
        for (int copy = 0; copy < copies; copy++) {
            reorder(outgoing, now);
        }
        releaseDue();
    }

    /** Sends the delayed events that are due. */
    void releaseDue() {
        long now = System.nanoTime();
        while (!delayed.isEmpty() && delayed.peek().dueNanos() <= now) {
            send(delayed.poll().event());
        }
    }

    /** Sends everything still buffered or held (waiting out the delays) and waits for the acknowledgements. */
    void flush() {
        releaseShuffled(faults.get());
        while (!delayed.isEmpty()) {
            long wait = delayed.peek().dueNanos() - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
            releaseDue();
        }
        sink.flush();
    }

    int pending() {
        return reorderBuffer.size() + delayed.size();
    }

    private OutgoingEvent bend(DomainEvent event, long sequence, EventFaults now) {
        OutgoingEvent outgoing = EventFactory.outgoing(event, sequence);
        if (roll(now.malformedPercent())) {
            stats.malformed.incrementAndGet();
            stats.lostEvents().lost(event);
            byte[] value = outgoing.value();
            byte[] cut = Arrays.copyOf(value, value.length / 2);
            return new OutgoingEvent(outgoing.domain(), outgoing.key(), cut, sequence);
        }
        if (roll(now.unknownTypePercent())) {
            stats.unknownType.incrementAndGet();
            stats.lostEvents().lost(event);
            ObjectNode json = EventCodec.toJson(event, event.schemaVersion());
            json.put("type", event.type().wireName() + "Audited");
            return new OutgoingEvent(outgoing.domain(), outgoing.key(), DomainJson.MAPPER.writeValueAsBytes(json), sequence);
        }
        return outgoing;
    }

    /** Collects a window of events and lets them go shuffled: no event moves by a window or more. */
    private void reorder(OutgoingEvent event, EventFaults now) {
        if (now.reorderWindow() <= 1 && reorderBuffer.isEmpty()) {
            delay(event, now);
            return;
        }
        reorderBuffer.add(event);
        if (reorderBuffer.size() >= now.reorderWindow()) {
            releaseShuffled(now);
        }
    }

    private void releaseShuffled(EventFaults now) {
        while (!reorderBuffer.isEmpty()) {
            int pick = random.nextInt(reorderBuffer.size());
            if (pick != 0) {
                stats.reordered.incrementAndGet();
            }
            delay(reorderBuffer.remove(pick), now);
        }
    }

    private void delay(OutgoingEvent event, EventFaults now) {
        if (roll(now.delayPercent())) {
            stats.delayed.incrementAndGet();
            delayed.add(new Held(System.nanoTime() + now.delayMillis() * 1_000_000, heldCount++, event));
        } else {
            send(event);
        }
    }

    private void send(OutgoingEvent event) {
        sink.send(event);
        stats.sent.incrementAndGet();
    }

    private boolean roll(double percent) {
        return percent > 0 && random.nextDouble() * 100 < percent;
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
