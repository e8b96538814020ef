package com.storefront.display.core.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.storefront.display.core.domain.CouponState;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainState;
import com.storefront.display.core.domain.OpeningHoursState;
import com.storefront.display.core.domain.OpeningHoursState.Interval;
import com.storefront.display.core.domain.OpeningHoursState.Weekday;
import com.storefront.display.core.domain.PriceState;
import com.storefront.display.core.domain.ProductState;
import com.storefront.display.core.domain.ReviewSummaryState;
import com.storefront.display.core.domain.ShopState;
import com.storefront.display.core.domain.StockState;

/** One plausible state per domain for tests. */
public final class Samples {

    private Samples() {
    }

    public static DomainState state(Domain domain) {
        return switch (domain) {
            case SHOP -> new ShopState(7, "Green Grocer", "grocery", ShopState.ShopStatus.OPEN, 3000, 12000);
            case PRODUCT -> new ProductState("Oat milk 1L", "dairy", "https://img.example/1.jpg", 3200,
                    ProductState.DisplayStatus.ON_SALE);
            case STOCK -> new StockState(31);
            case PRICE -> new PriceState(2880, 10);
            case COUPON -> new CouponState("Welcome", 2000, 15000, Instant.parse("2026-01-01T00:00:00Z"),
                    Instant.parse("2026-12-31T14:59:59Z"), CouponState.CouponStatus.ACTIVE);
            case REVIEW -> new ReviewSummaryState(4.6, 123);
            case OPENING_HOURS -> openingHours();
        };
    }

    /** Seoul, 09:00-21:00 on weekdays, 18:00-02:00 (across midnight) on Saturday, closed on Sunday and at Christmas. */
    public static OpeningHoursState openingHours() {
        Map<Weekday, List<Interval>> weekly = new EnumMap<>(Weekday.class);
        for (Weekday day : Weekday.values()) {
            weekly.put(day, switch (day) {
                case SAT -> List.of(Interval.of("18:00", "02:00"));
                case SUN -> List.of();
                default -> List.of(Interval.of("09:00", "21:00"));
            });
        }
        return new OpeningHoursState(weekly, "Asia/Seoul", List.of(LocalDate.parse("2026-12-25")));
    }
}
