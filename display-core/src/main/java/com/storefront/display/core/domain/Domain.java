package com.storefront.display.core.domain;

import java.util.Arrays;
import java.util.List;

/**
 * The upstream domains. Each owns one source API path and one state type, and an evented domain one
 * topic; the names are those of docs/contracts.md. The topic's name in Kafka carries the environment's
 * prefix: {@link Topics}. A domain without a topic reaches the read model only through its source API
 * (bulk load, reconcile, incremental sync).
 */
public enum Domain {
    SHOP("shop-events", "shops", "shopId", ShopState.class),
    PRODUCT("product-events", "products", "productId", ProductState.class),
    STOCK("stock-events", "stock", "productId", StockState.class),
    PRICE("price-events", "prices", "productId", PriceState.class),
    COUPON("coupon-events", "coupons", "couponId", CouponState.class),
    REVIEW("review-events", "review-summaries", "shopId", ReviewSummaryState.class),
    /** No events: changes are read from its source API's incremental export ({@code changedSince}). */
    OPENING_HOURS(null, "opening-hours", "shopId", OpeningHoursState.class);

    private static final List<Domain> EVENTED = Arrays.stream(values()).filter(Domain::hasEvents).toList();

    private final String topic;
    private final String sourcePath;
    private final String idField;
    private final Class<? extends DomainState> stateType;

    Domain(String topic, String sourcePath, String idField, Class<? extends DomainState> stateType) {
        this.topic = topic;
        this.sourcePath = sourcePath;
        this.idField = idField;
        this.stateType = stateType;
    }

    /**
     * The contract's name of the domain's topic, e.g. {@code stock-events}; in Kafka it is {@link Topics#of}.
     *
     * @throws IllegalStateException for a domain without events ({@link #hasEvents()})
     */
    public String contractTopic() {
        if (topic == null) {
            throw new IllegalStateException(sourcePath + " has no topic: it is read through its source API only");
        }
        return topic;
    }

    /** True when the domain publishes events on a topic; false when only its source API tells its changes. */
    public boolean hasEvents() {
        return topic != null;
    }

    /** The domains with a topic, in declaration order: what stream-ingest listens to. */
    public static List<Domain> evented() {
        return EVENTED;
    }

    /** The path segment of the domain's source API, e.g. {@code review-summaries}. */
    public String sourcePath() {
        return sourcePath;
    }

    /** The JSON field that names an entity's id in source items, e.g. {@code productId}. */
    public String idField() {
        return idField;
    }

    /** True when the entity id is the shop id (shops, review summaries). */
    public boolean keyedByShop() {
        return "shopId".equals(idField);
    }

    public Class<? extends DomainState> stateType() {
        return stateType;
    }

    /** The domain of a source API path segment; IllegalArgumentException naming the valid ones otherwise. */
    public static Domain ofSourcePath(String path) {
        for (Domain domain : values()) {
            if (domain.sourcePath.equals(path)) {
                return domain;
            }
        }
        throw new IllegalArgumentException("unknown domain '" + path + "', expected one of "
                + Arrays.stream(values()).map(Domain::sourcePath).toList());
    }
}
