package com.storefront.display.api.shop;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.datastax.oss.driver.api.core.cql.Row;
import com.storefront.display.api.cassandra.ReadModelQueries;
import com.storefront.display.core.model.ShopCoupon;
import com.storefront.display.core.model.ShopHeader;

import reactor.core.publisher.Mono;

/** Reads a shop page: one single-partition query returns the header (static columns) and every coupon row. */
@Component
public class ShopReads {

    public static final String SHOP = "SELECT " + ShopHeader.COLUMNS + ", coupon_id, coupon_name, coupon_discount_amount, "
            + "coupon_min_order_amount, coupon_valid_from, coupon_valid_until, coupon_status FROM shop WHERE shop_id = ?";
    /** The index of {@code coupon_id} in {@link #SHOP}: right after the header's columns. */
    private static final int COUPON_ID = ShopHeader.COLUMN_COUNT;
    static final String SHOP_EXISTS = "SELECT name FROM shop WHERE shop_id = ? LIMIT 1";

    /** A shop partition's coupons fit a page; more than this are read in further pages, never dropped. */
    private static final int PAGE_SIZE = 500;

    private final ReadModelQueries queries;
    private final Clock clock;

    public ShopReads(ReadModelQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** The shop as the store front shows it; empty when the shop is unknown or deleted. */
    public Mono<ShopView> find(long shopId) {
        return queries.query(SHOP, PAGE_SIZE, row -> row, shopId)
                .collectList()
                .flatMap(rows -> Mono.justOrEmpty(view(rows)));
    }

    /** True when the shop has its shop-domain data (it is neither unknown nor deleted). */
    public Mono<Boolean> exists(long shopId) {
        return queries.query(SHOP_EXISTS, 1, row -> row.getString(0) != null, shopId).next().defaultIfEmpty(false);
    }

    private ShopView view(List<Row> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        ShopHeader header = ShopHeader.from(rows.get(0));
        if (!header.hasShopData()) {
            return null;
        }
        List<ShopCoupon> coupons = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (!row.isNull(COUPON_ID)) {
                coupons.add(ShopCoupon.from(row));
            }
        }
        return ShopView.of(header, coupons, clock.instant());
    }
}
