package com.storefront.display.simulator.producer;

import java.util.SplittableRandom;
import java.util.UUID;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.core.event.EventType;
import com.storefront.display.simulator.truth.Change;

/** Turns a change of the source of truth into the event its domain publishes, in the configured form. */
final class EventFactory {

    private EventFactory() {
    }

    static DomainEvent event(Change change, ProducerSettings settings, SplittableRandom random) {
        EventType type;
        if (change.deleted()) {
            type = EventType.deleteOf(change.domain());
        } else if (change.domain() == Domain.PRODUCT && random.nextDouble() < settings.thinProductEvents()) {
            type = EventType.PRODUCT_CHANGED;
        } else {
            type = EventType.upsertOf(change.domain());
        }
        int schemaVersion = type == EventType.PRODUCT_UPSERTED && random.nextDouble() < settings.productSchemaV2() ? 2 : 1;
        UUID eventId = new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L);
        return new DomainEvent(eventId, type, schemaVersion, change.occurredAt(), change.shopId(), change.id(),
                change.version(), type.kind() == EventType.Kind.UPSERT ? change.item().state() : null);
    }

    static OutgoingEvent outgoing(DomainEvent event, long sequence) {
        return new OutgoingEvent(event.type().domain(), event.key(),
                EventCodec.encode(event, event.schemaVersion()), sequence);
    }
}
