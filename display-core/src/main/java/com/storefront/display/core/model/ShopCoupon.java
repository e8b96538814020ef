package com.storefront.display.core.model;

import java.time.Instant;

import com.datastax.oss.driver.api.core.cql.Row;

/**
 * A coupon row of a {@code shop} partition (coupon domain).
 *
 * @param status ACTIVE, EXPIRED, WITHDRAWN
 */
public record ShopCoupon(long shopId, long couponId, String name, Long discountAmount, Long minOrderAmount,
                         Instant validFrom, Instant validUntil, String status) {

    public static final String COLUMNS = "shop_id, coupon_id, coupon_name, coupon_discount_amount, "
            + "coupon_min_order_amount, coupon_valid_from, coupon_valid_until, coupon_status";

    /** Maps a row selected with {@link #COLUMNS}. */
    public static ShopCoupon from(Row row) {
        return new ShopCoupon(row.getLong("shop_id"), row.getLong("coupon_id"), row.getString("coupon_name"),
                row.get("coupon_discount_amount", Long.class), row.get("coupon_min_order_amount", Long.class),
                row.getInstant("coupon_valid_from"), row.getInstant("coupon_valid_until"), row.getString("coupon_status"));
    }

    /** ACTIVE and inside its validity window at {@code now}: the same rule as {@code CouponState.activeAt}. */
    public boolean activeAt(Instant now) {
        return "ACTIVE".equals(status) && validFrom != null && validUntil != null && !now.isBefore(validFrom)
                && now.isBefore(validUntil);
    }
}
