package com.storefront.display.core.projection;

import java.time.Instant;

import com.storefront.display.core.domain.CouponState;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainState;
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
        };
    }
}
