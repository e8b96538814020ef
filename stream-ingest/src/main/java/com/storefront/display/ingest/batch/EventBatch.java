package com.storefront.display.ingest.batch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.core.event.PoisonRecordException;

/**
 * One poll's records, read and coalesced: per entity only the event with the newest version is kept
 * (older ones would be no-ops in Cassandra anyway), so a burst of stock changes costs one write per
 * product per poll. Records that cannot be read, or that arrive on the wrong topic, are poison.
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

    private final Topics topics;
    private final List<Poison> poison = new ArrayList<>();
    private final Map<EntityKey, Received> newest;
    private int readable;

    private EventBatch(Topics topics, int records) {
        this.topics = topics;
        // sized for a poll without coalescing: no rehashing while the poll is read
        this.newest = new LinkedHashMap<>(Math.max(16, records * 4 / 3 + 1));
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
        newest.merge(new EntityKey(domain, event.shopId(), event.entityId()), new Received(event, record),
                (kept, next) -> next.event().version() > kept.event().version() ? next : kept);
    }

    public List<Poison> poison() {
        return poison;
    }

    /** The newest event of each entity, in the order the entities first appeared. */
    public Collection<Received> events() {
        return newest.values();
    }

    /** Readable events that a newer event of the same entity in this batch made redundant. */
    public int coalesced() {
        return readable - newest.size();
    }
}
