package com.storefront.display.core.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.storefront.display.core.domain.Domain;

/**
 * The event types of docs/contracts.md. A switch over them must name every case, so a new type cannot be
 * forgotten by a projection.
 */
public enum EventType {
    SHOP_UPSERTED("ShopUpserted", Domain.SHOP, Kind.UPSERT),
    SHOP_DELETED("ShopDeleted", Domain.SHOP, Kind.DELETE),
    PRODUCT_UPSERTED("ProductUpserted", Domain.PRODUCT, Kind.UPSERT, 1, 2),
    PRODUCT_CHANGED("ProductChanged", Domain.PRODUCT, Kind.THIN),
    PRODUCT_DELETED("ProductDeleted", Domain.PRODUCT, Kind.DELETE),
    STOCK_CHANGED("StockChanged", Domain.STOCK, Kind.UPSERT),
    PRICE_CHANGED("PriceChanged", Domain.PRICE, Kind.UPSERT),
    COUPON_UPSERTED("CouponUpserted", Domain.COUPON, Kind.UPSERT),
    COUPON_DELETED("CouponDeleted", Domain.COUPON, Kind.DELETE),
    REVIEW_SUMMARY_CHANGED("ReviewSummaryChanged", Domain.REVIEW, Kind.UPSERT);

    /** What an event of the type means for its entity. */
    public enum Kind {
        /** Carries the entity's new state as payload. */
        UPSERT,
        /** The entity is gone; no payload. */
        DELETE,
        /** The entity changed; no payload, the consumer fetches the state from the source API. */
        THIN
    }

    private final String wireName;
    private final Domain domain;
    private final Kind kind;
    private final Set<Integer> schemaVersions;

    EventType(String wireName, Domain domain, Kind kind, Integer... schemaVersions) {
        this.wireName = wireName;
        this.domain = domain;
        this.kind = kind;
        this.schemaVersions = schemaVersions.length == 0 ? Set.of(1) : Set.of(schemaVersions);
    }

    /** The {@code type} field of the JSON envelope, e.g. {@code StockChanged}. */
    public String wireName() {
        return wireName;
    }

    public Domain domain() {
        return domain;
    }

    public Kind kind() {
        return kind;
    }

    /** The schema versions this platform reads (older ones are upcast). */
    public Set<Integer> schemaVersions() {
        return schemaVersions;
    }

    private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, type -> type));

    /** The type with this wire name, or null when the name is unknown. */
    public static EventType ofWireName(String name) {
        return name == null ? null : BY_WIRE_NAME.get(name);
    }

    /** The upsert type of a domain (the one that carries its state). */
    public static EventType upsertOf(Domain domain) {
        for (EventType type : values()) {
            if (type.domain == domain && type.kind == Kind.UPSERT) {
                return type;
            }
        }
        throw new IllegalStateException("no upsert type for " + domain);
    }

    /** The delete type of a domain, or null when the domain never deletes (stock, price, review). */
    public static EventType deleteOf(Domain domain) {
        for (EventType type : values()) {
            if (type.domain == domain && type.kind == Kind.DELETE) {
                return type;
            }
        }
        return null;
    }
}
