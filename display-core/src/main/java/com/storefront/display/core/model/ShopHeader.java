package com.storefront.display.core.model;

import com.datastax.oss.driver.api.core.cql.Row;

/**
 * The static columns of a {@code shop} partition. Any field but the id is null until its domain wrote it.
 *
 * @param shopId         the shop
 * @param sellerId       shop domain
 * @param name           shop domain
 * @param category       shop domain
 * @param status         shop domain: OPEN, CLOSED, SUSPENDED
 * @param deliveryFee    shop domain, whole KRW
 * @param minOrderAmount shop domain, whole KRW
 * @param ratingAvg      review domain, 0.0 to 5.0
 * @param ratingCount    review domain
 */
public record ShopHeader(long shopId, Long sellerId, String name, String category, String status,
                         Long deliveryFee, Long minOrderAmount, Double ratingAvg, Integer ratingCount) {

    public static final String COLUMNS = "shop_id, seller_id, name, category, status, delivery_fee, min_order_amount, "
            + "rating_avg, rating_count";

    /** Maps a row selected with {@link #COLUMNS}. */
    public static ShopHeader from(Row row) {
        return new ShopHeader(row.getLong("shop_id"), row.get("seller_id", Long.class), row.getString("name"),
                row.getString("category"), row.getString("status"), row.get("delivery_fee", Long.class),
                row.get("min_order_amount", Long.class), row.get("rating_avg", Double.class),
                row.get("rating_count", Integer.class));
    }

    /** True once the shop domain wrote the shop; review data alone does not make a shop. */
    public boolean hasShopData() {
        return name != null;
    }
}
