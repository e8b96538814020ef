package com.storefront.display.core.event;

import java.time.Instant;
import java.util.UUID;

import com.storefront.display.core.domain.DomainState;

/**
 * One domain event as the platform understands it, after upcasting: the envelope of docs/contracts.md with
 * a typed payload.
 *
 * @param schemaVersion the version the producer wrote; the payload is always in the current model
 * @param version       the entity's source version (epoch microseconds), the cells' write timestamp
 * @param payload       the new state for {@link EventType.Kind#UPSERT} types, null for the others
 */
public record DomainEvent(UUID eventId, EventType type, int schemaVersion, Instant occurredAt, long shopId,
                          long entityId, long version, DomainState payload) {

    public DomainEvent {
        if (eventId == null || type == null || occurredAt == null) {
            throw new IllegalArgumentException("eventId, type and occurredAt are required");
        }
        if (shopId <= 0 || entityId <= 0) {
            throw new IllegalArgumentException("shopId and entityId must be positive, were " + shopId + ", " + entityId);
        }
        if (version <= 0) {
            throw new IllegalArgumentException("version must be positive, was " + version);
        }
        boolean needsPayload = type.kind() == EventType.Kind.UPSERT;
        if (needsPayload != (payload != null)) {
            throw new IllegalArgumentException(type.wireName() + (needsPayload ? " requires" : " takes no") + " payload");
        }
        if (payload != null && payload.domain() != type.domain()) {
            throw new IllegalArgumentException(type.wireName() + " cannot carry a " + payload.domain() + " payload");
        }
        if (type.domain().keyedByShop() && entityId != shopId) {
            throw new IllegalArgumentException(type.wireName() + " is about the shop: entityId " + entityId
                    + " != shopId " + shopId);
        }
    }

    /** The Kafka record key: the shop id as a decimal string. */
    public String key() {
        return Long.toString(shopId);
    }
}
