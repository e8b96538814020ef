package com.storefront.display.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.storefront.display.core.domain.CouponState;
import com.storefront.display.core.domain.PriceState;
import com.storefront.display.core.domain.ProductState;
import com.storefront.display.core.domain.ReviewSummaryState;
import com.storefront.display.core.domain.ShopState;
import com.storefront.display.core.domain.StockState;
import com.storefront.display.core.model.ShopCoupon;
import com.storefront.display.core.model.ShopHeader;
import com.storefront.display.core.model.ShopProduct;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.simulator.truth.ShopSnapshot;

/**
 * The read model of one shop as Cassandra holds it, and as the truth says it should be: compared
 * field by field, the differences listed.
 */
record ReadModel(ShopHeader header, List<ShopCoupon> coupons, List<ShopProduct> products) {

    static ReadModel read(CqlSession session, long shopId) {
        ShopHeader header = null;
        List<ShopCoupon> coupons = new ArrayList<>();
        for (Row row : session.execute("SELECT " + ShopHeader.COLUMNS + ", coupon_id, " + couponColumns()
                + " FROM shop WHERE shop_id = ?", shopId)) {
            header = ShopHeader.from(row);
            if (!row.isNull("coupon_id")) {
                coupons.add(ShopCoupon.from(row));
            }
        }
        List<ShopProduct> products = new ArrayList<>();
        for (Row row : session.execute("SELECT " + ShopProduct.COLUMNS + " FROM shop_product WHERE shop_id = ?", shopId)) {
            products.add(ShopProduct.from(row));
        }
        return new ReadModel(header == null || isEmpty(header) ? null : header, coupons, products);
    }

    static ReadModel expected(ShopSnapshot truth) {
        long shopId = truth.shopId();
        ShopState shop = truth.shop() == null ? null : (ShopState) truth.shop().state();
        ReviewSummaryState review = truth.review() == null ? null : (ReviewSummaryState) truth.review().state();
        ShopHeader header = shop == null && review == null ? null : new ShopHeader(shopId,
                shop == null ? null : shop.sellerId(), shop == null ? null : shop.name(), shop == null ? null : shop.category(),
                shop == null ? null : shop.status().name(), shop == null ? null : shop.deliveryFee(),
                shop == null ? null : shop.minOrderAmount(), review == null ? null : review.ratingAvg(),
                review == null ? null : review.reviewCount());
        List<ShopCoupon> coupons = truth.coupons().stream().map(item -> {
            CouponState c = (CouponState) item.state();
            return new ShopCoupon(shopId, item.id(), c.name(), c.discountAmount(), c.minOrderAmount(), c.validFrom(),
                    c.validUntil(), c.status().name());
        }).toList();
        List<ShopProduct> products = new ArrayList<>();
        for (int i = 0; i < truth.products().size(); i++) {
            SourceItem product = truth.products().get(i);
            ProductState p = (ProductState) product.state();
            StockState stock = (StockState) truth.stock().get(i).state();
            PriceState price = (PriceState) truth.prices().get(i).state();
            products.add(new ShopProduct(shopId, product.id(), p.name(), p.category(), p.imageUrl(), p.basePrice(),
                    p.displayStatus().name(), price.salePrice(), price.discountRate(), stock.quantity()));
        }
        return new ReadModel(header, coupons, products);
    }

    /** What differs, one line each; empty when the two are equal. */
    List<String> differences(ReadModel actual) {
        List<String> differences = new ArrayList<>();
        if (!Objects.equals(header, actual.header)) {
            differences.add("header: expected " + header + " but was " + actual.header);
        }
        diff("coupon", coupons, actual.coupons, differences);
        diff("product", products, actual.products, differences);
        return differences;
    }

    private static <T> void diff(String what, List<T> expected, List<T> actual, List<String> differences) {
        for (T row : expected) {
            if (!actual.contains(row)) {
                differences.add(what + " expected " + row);
            }
        }
        for (T row : actual) {
            if (!expected.contains(row)) {
                differences.add(what + " unexpected " + row);
            }
        }
    }

    private static boolean isEmpty(ShopHeader header) {
        return header.sellerId() == null && header.name() == null && header.ratingAvg() == null;
    }

    private static String couponColumns() {
        return ShopCoupon.COLUMNS.replace("shop_id, coupon_id, ", "");
    }
}
