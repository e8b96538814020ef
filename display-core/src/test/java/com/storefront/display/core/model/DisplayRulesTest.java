package com.storefront.display.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The store-front rules of docs/contracts.md on read-model rows. */
class DisplayRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void onlyOnSaleAndSoldOutProductsWithProductDataAreDisplayable() {
        assertThat(product("ON_SALE", null, null).displayable()).isTrue();
        assertThat(product("SOLD_OUT", null, null).displayable()).isTrue();
        assertThat(product("HIDDEN", null, null).displayable()).isFalse();
        assertThat(product(null, 900L, 3).displayable()).as("orphan: price and stock only").isFalse();
    }

    @Test
    void theSalePriceWinsOnceThePriceDomainSetOne() {
        assertThat(product("ON_SALE", null, null).effectivePrice()).isEqualTo(1000L);
        assertThat(product("ON_SALE", 900L, null).effectivePrice()).isEqualTo(900L);
    }

    @Test
    void soldOutWhenMarkedSoOrWhenTheKnownStockIsZero() {
        assertThat(product("ON_SALE", null, null).soldOut()).as("stock unknown").isFalse();
        assertThat(product("ON_SALE", null, 1).soldOut()).isFalse();
        assertThat(product("ON_SALE", null, 0).soldOut()).isTrue();
        assertThat(product("SOLD_OUT", null, 5).soldOut()).isTrue();
    }

    @Test
    void aCouponIsShownWhenActiveFromItsStartUntilJustBeforeItsEnd() {
        assertThat(coupon("ACTIVE", NOW, NOW.plusSeconds(1)).activeAt(NOW)).isTrue();
        assertThat(coupon("ACTIVE", NOW.minusSeconds(10), NOW).activeAt(NOW)).as("ended").isFalse();
        assertThat(coupon("ACTIVE", NOW.plusSeconds(1), NOW.plusSeconds(10)).activeAt(NOW)).as("not started").isFalse();
        assertThat(coupon("WITHDRAWN", NOW.minusSeconds(1), NOW.plusSeconds(10)).activeAt(NOW)).isFalse();
        assertThat(coupon("EXPIRED", NOW.minusSeconds(1), NOW.plusSeconds(10)).activeAt(NOW)).isFalse();
        assertThat(coupon(null, null, null).activeAt(NOW)).as("coupon row without coupon data").isFalse();
    }

    private static ShopProduct product(String displayStatus, Long salePrice, Integer stock) {
        return new ShopProduct(1, 2, displayStatus == null ? null : "Oat milk", "dairy", null,
                displayStatus == null ? null : 1000L, displayStatus, salePrice, salePrice == null ? null : 10, stock);
    }

    private static ShopCoupon coupon(String status, Instant from, Instant until) {
        return new ShopCoupon(1, 7, "Welcome", 2000L, 15000L, from, until, status);
    }
}
