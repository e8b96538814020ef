package com.storefront.display.core.domain;

import static com.storefront.display.core.domain.DomainState.require;
import static com.storefront.display.core.domain.DomainState.requireNonNegative;

import java.time.Instant;

/** Coupon domain: {@code CouponUpserted} payload, {@code /source/coupons} item. */
public record CouponState(String name, long discountAmount, long minOrderAmount, Instant validFrom,
                          Instant validUntil, CouponStatus status) implements DomainState {

    public enum CouponStatus { ACTIVE, EXPIRED, WITHDRAWN }

    public CouponState {
        require(name, "name");
        require(validFrom, "validFrom");
        require(validUntil, "validUntil");
        require(status, "status");
        requireNonNegative(discountAmount, "discountAmount");
        requireNonNegative(minOrderAmount, "minOrderAmount");
    }

    /** ACTIVE and inside its validity window at {@code now}. */
    public boolean activeAt(Instant now) {
        return status == CouponStatus.ACTIVE && !now.isBefore(validFrom) && now.isBefore(validUntil);
    }

    @Override
    public Domain domain() {
        return Domain.COUPON;
    }
}
