package com.storefront.display.core.domain;

/**
 * The current state of one entity at its source: what an upsert event carries as payload and what the
 * source API returns (with ids and version around it). A closed family, one record per domain; every
 * record validates itself, so an instance is always a state the source could have.
 */
public sealed interface DomainState
        permits ShopState, ProductState, StockState, PriceState, CouponState, ReviewSummaryState, OpeningHoursState {

    /** The domain this state belongs to. */
    Domain domain();

    static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static long requireNonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }
}
