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
 * @param openingHours   opening-hours domain, its state as JSON ({@code OpeningHoursProjection})
 */
public record ShopHeader(long shopId, Long sellerId, String name, String category, String status,
                         Long deliveryFee, Long minOrderAmount, Double ratingAvg, Integer ratingCount, String openingHours) {

    public static final String COLUMNS = "shop_id, seller_id, name, category, status, delivery_fee, min_order_amount, "
            + "rating_avg, rating_count, opening_hours";
    /** How many columns {@link #COLUMNS} names: a query's own columns follow them. */
    public static final int COLUMN_COUNT = 10;

    /**
     * Maps a row whose first columns are {@link #COLUMNS}, in that order (read by index: the read path
     * maps every row of every shop page, and name lookups cost more than the rest of the mapping).
     */
    public static ShopHeader from(Row row) {
        return new ShopHeader(row.getLong(0), row.get(1, Long.class), row.getString(2), row.getString(3),
                row.getString(4), row.get(5, Long.class), row.get(6, Long.class), row.get(7, Double.class),
                row.get(8, Integer.class), row.getString(9));
    }

    /** True once the shop domain wrote the shop; review data alone does not make a shop. */
    public boolean hasShopData() {
        return name != null;
    }
}
