package com.storefront.display.api.shop;

import java.time.Instant;
import java.util.List;

import com.storefront.display.core.model.ShopCoupon;
import com.storefront.display.core.model.ShopHeader;

/**
 * {@code GET /api/shops/{shopId}} as docs/contracts.md fixes it.
 *
 * @param rating  null until a review summary arrived
 * @param coupons only ACTIVE coupons valid at the time of the read, ordered by coupon id
 */
public record ShopView(long shopId, String name, String category, String status, Long deliveryFee,
                       Long minOrderAmount, Rating rating, List<Coupon> coupons) {

    public record Rating(double average, int count) {
    }

    public record Coupon(long couponId, String name, Long discountAmount, Long minOrderAmount, Instant validUntil) {

        static Coupon of(ShopCoupon coupon) {
            return new Coupon(coupon.couponId(), coupon.name(), coupon.discountAmount(), coupon.minOrderAmount(),
                    coupon.validUntil());
        }
    }

    /** The view of a shop that has its shop-domain data, showing the coupons active at {@code now}. */
    static ShopView of(ShopHeader header, List<ShopCoupon> coupons, Instant now) {
        Rating rating = header.ratingAvg() == null || header.ratingCount() == null ? null
                : new Rating(header.ratingAvg(), header.ratingCount());
        List<Coupon> active = coupons.stream().filter(coupon -> coupon.activeAt(now)).map(Coupon::of).toList();
        return new ShopView(header.shopId(), header.name(), header.category(), header.status(), header.deliveryFee(),
                header.minOrderAmount(), rating, active);
    }
}
