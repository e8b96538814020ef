package com.storefront.display.ingest.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.core.event.EventType;
import com.storefront.display.core.event.PoisonRecordException;

/**
 * One poll's records, read and coalesced: per entity the event with the newest version is kept (older
 * upserts would be no-ops in Cassandra anyway), so a burst of stock changes costs one write per product
 * per poll. An older delete is kept beside a newer upsert: a delete may remove more than the upsert
 * writes (a deleted product takes its row's stock and price, a re-listing writes only the product
 * columns), so dropping it would bring back what the source deleted. Records that cannot be read, or
 * that arrive on the wrong topic, are poison.
 */
public final class EventBatch {

    /** A record that no retry can make readable, and why. */
    public record Poison(ConsumerRecord<String, byte[]> record, String reason) {
    }

    /** A readable event and the record it came in. */
    public record Received(DomainEvent event, ConsumerRecord<String, byte[]> record) {
    }

    private record EntityKey(Domain domain, long shopId, long entityId) {
    }

    /** An entity's newest event, and its newest delete when that is older than the newest event. */
    private record Kept(Received newest, Received delete) {

        Kept with(Received next) {
            long version = next.event().version();
            if (version > newest.event().version()) {
                return new Kept(next, deletes(next) ? null : deletes(newest) ? newest : delete);
            }
            boolean newerDelete = deletes(next) && !deletes(newest)
                    && (delete == null || version > delete.event().version());
            return newerDelete ? new Kept(newest, next) : this;
        }

        private static boolean deletes(Received received) {
            return received.event().type().kind() == EventType.Kind.DELETE;
        }
    }

    private final Topics topics;
    private final List<Poison> poison = new ArrayList<>();
    private final Map<EntityKey, Kept> kept;
    private int readable;

    private EventBatch(Topics topics, int records) {
        this.topics = topics;
        // sized for a poll without coalescing: no rehashing while the poll is read
        this.kept = new LinkedHashMap<>(Math.max(16, records * 4 / 3 + 1));
    }

    /** The poll's records, read; an event is poison unless it came on its domain's topic in {@code topics}. */
    public static EventBatch of(List<ConsumerRecord<String, byte[]>> records, Topics topics) {
        EventBatch batch = new EventBatch(topics, records.size());
        records.forEach(batch::add);
        return batch;
    }

    private void add(ConsumerRecord<String, byte[]> record) {
        DomainEvent event;
        try {
            event = EventCodec.decode(record.value());
        } catch (PoisonRecordException e) {
            poison.add(new Poison(record, e.getMessage()));
            return;
        }
        Domain domain = event.type().domain();
        if (!topics.of(domain).equals(record.topic())) {
            poison.add(new Poison(record, event.type().wireName() + " does not belong on " + record.topic()));
            return;
        }
        readable++;
        Received received = new Received(event, record);
        kept.merge(new EntityKey(domain, event.shopId(), event.entityId()), new Kept(received, null),
                (entity, next) -> entity.with(next.newest()));
    }

    public List<Poison> poison() {
        return poison;
    }

    /**
     * The events to apply, in the order their entities first appeared: per entity its newest delete
     * when a newer upsert follows it, then its newest event. Their writes carry their versions as
     * timestamps, so the order they are written in does not matter.
     */
    public List<Received> events() {
        List<Received> events = new ArrayList<>(kept.size());
        for (Kept entity : kept.values()) {
            if (entity.delete() != null) {
                events.add(entity.delete());
            }
            events.add(entity.newest());
        }
        return events;
    }

    /** Readable events that a newer event of the same entity in this batch made redundant. */
    public int coalesced() {
        int applied = 0;
        for (Kept entity : kept.values()) {
            applied += entity.delete() == null ? 1 : 2;
        }
        return readable - applied;
    }
}
