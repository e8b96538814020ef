package com.storefront.display.core.write;

import java.util.List;

/**
 * Where a write lands: a whole shop partition (its static columns, or all of it for a delete), or one
 * clustering row (a coupon, a product).
 *
 * @param table the table
 * @param values the key values in {@link DisplayTable#keyColumns()} order: the partition key alone,
 *               or the partition key and the clustering key
 */
public record RowKey(DisplayTable table, List<Long> values) {

    public RowKey {
        values = List.copyOf(values);
        if (values.isEmpty() || values.size() > table.keyColumns().size()) {
            throw new IllegalArgumentException(table + " takes 1 to " + table.keyColumns().size() + " key values, got " + values);
        }
    }

    /** The shop partition: its static columns (shop and review domains), or the whole shop when deleted. */
    public static RowKey shop(long shopId) {
        return new RowKey(DisplayTable.SHOP, List.of(shopId));
    }

    public static RowKey coupon(long shopId, long couponId) {
        return new RowKey(DisplayTable.SHOP, List.of(shopId, couponId));
    }

    public static RowKey product(long shopId, long productId) {
        return new RowKey(DisplayTable.SHOP_PRODUCT, List.of(shopId, productId));
    }

    public List<String> columns() {
        return table.keyColumns().subList(0, values.size());
    }
}
