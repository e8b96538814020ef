package com.storefront.display.api.shop;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.storefront.display.core.domain.OpeningHoursState;
import com.storefront.display.core.domain.OpeningHoursState.Interval;
import com.storefront.display.core.domain.OpeningHoursState.Weekday;
import com.storefront.display.core.model.ShopCoupon;
import com.storefront.display.core.model.ShopHeader;
import com.storefront.display.core.projection.hours.OpeningHoursProjection;

/**
 * {@code GET /api/shops/{shopId}} as docs/contracts.md fixes it.
 *
 * @param rating       null until a review summary arrived
 * @param coupons      only ACTIVE coupons valid at the time of the read, ordered by coupon id
 * @param openingHours null until the shop's opening hours are known
 * @param openNow      whether the shop is open at the time of the read, in its own time zone; null
 *                     while its opening hours are unknown
 */
public record ShopView(long shopId, String name, String category, String status, Long deliveryFee,
                       Long minOrderAmount, Rating rating, List<Coupon> coupons, OpeningHours openingHours,
                       Boolean openNow) {

    /** The shop's week in its local time, and the dates it is closed anyway. */
    public record OpeningHours(String timeZone, Map<Weekday, List<Interval>> weekly, List<LocalDate> closedDates) {

        static OpeningHours of(OpeningHoursState state) {
            return new OpeningHours(state.timeZone(), state.weekly(), state.closedDates());
        }
    }

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
        OpeningHoursState hours = header.openingHours() == null ? null : OpeningHoursProjection.parse(header.openingHours());
        return new ShopView(header.shopId(), header.name(), header.category(), header.status(), header.deliveryFee(),
                header.minOrderAmount(), rating, active, hours == null ? null : OpeningHours.of(hours),
                hours == null ? null : hours.openAt(now));
    }
}
