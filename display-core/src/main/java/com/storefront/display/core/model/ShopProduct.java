package com.storefront.display.core.model;

import com.datastax.oss.driver.api.core.cql.Row;

/**
 * A {@code shop_product} row. Each domain's fields are null until that domain wrote them.
 *
 * @param name          product domain
 * @param category      product domain
 * @param imageUrl      product domain
 * @param basePrice     product domain, whole KRW
 * @param displayStatus product domain: ON_SALE, SOLD_OUT, HIDDEN
 * @param salePrice     price domain, whole KRW
 * @param discountRate  price domain, percent
 * @param stockQuantity stock domain
 */
public record ShopProduct(long shopId, long productId, String name, String category, String imageUrl,
                          Long basePrice, String displayStatus, Long salePrice, Integer discountRate,
                          Integer stockQuantity) {

    public static final String COLUMNS = "shop_id, product_id, name, category, image_url, base_price, display_status, "
            + "sale_price, discount_rate, stock_quantity";

    /**
     * Maps a row whose first columns are {@link #COLUMNS}, in that order (read by index: the read path
     * maps every row of every product page, and name lookups cost more than the rest of the mapping).
     */
    public static ShopProduct from(Row row) {
        return new ShopProduct(row.getLong(0), row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                row.get(5, Long.class), row.getString(6), row.get(7, Long.class), row.get(8, Integer.class),
                row.get(9, Integer.class));
    }

    /** False for an orphan: stock or price data without the product itself. */
    public boolean hasProductData() {
        return displayStatus != null;
    }

    /** Shown in the store front: product-domain data present and ON_SALE or SOLD_OUT (HIDDEN is not). */
    public boolean displayable() {
        return "ON_SALE".equals(displayStatus) || "SOLD_OUT".equals(displayStatus);
    }

    /** The price the store front charges: the price domain's sale price once it set one, else the base price. */
    public Long effectivePrice() {
        return salePrice != null ? salePrice : basePrice;
    }

    /** SOLD_OUT, or a known stock of zero; an unknown stock is not sold out. */
    public boolean soldOut() {
        return "SOLD_OUT".equals(displayStatus) || (stockQuantity != null && stockQuantity == 0);
    }
}
