package com.storefront.display.core.write;

import java.util.List;

/** The read-model tables and their key columns, partition first. */
public enum DisplayTable {

    /** Shop header in static columns; one clustering row per coupon. */
    SHOP("shop", List.of("shop_id", "coupon_id")),
    /** One row per product of a shop. */
    SHOP_PRODUCT("shop_product", List.of("shop_id", "product_id"));

    private final String cqlName;
    private final List<String> keyColumns;

    DisplayTable(String cqlName, List<String> keyColumns) {
        this.cqlName = cqlName;
        this.keyColumns = keyColumns;
    }

    public String cqlName() {
        return cqlName;
    }

    /** Partition key column first, then the clustering column. */
    public List<String> keyColumns() {
        return keyColumns;
    }
}
