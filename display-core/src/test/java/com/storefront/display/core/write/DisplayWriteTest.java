package com.storefront.display.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DisplayWriteTest {

    @Test
    void anUpsertIsAnUpdateUsingTheSourceVersionAsTimestamp() {
        DisplayWrite write = new DisplayWrite.Upsert(RowKey.product(42, 4200017),
                List.of(ColumnValue.of("stock_quantity", 31)), 1_795_515_330_123_456L);

        assertThat(write.cql()).isEqualTo(
                "UPDATE shop_product USING TIMESTAMP ? SET stock_quantity = ? WHERE shop_id = ? AND product_id = ?");
        assertThat(write.bindValues()).containsExactly(1_795_515_330_123_456L, 31, 42L, 4200017L);
    }

    @Test
    void shopColumnsAreAddressedByThePartitionKeyAlone() {
        DisplayWrite write = new DisplayWrite.Upsert(RowKey.shop(42),
                List.of(ColumnValue.of("rating_avg", 4.6), ColumnValue.of("rating_count", 123)), 10L);

        assertThat(write.cql()).isEqualTo("UPDATE shop USING TIMESTAMP ? SET rating_avg = ?, rating_count = ? WHERE shop_id = ?");
        assertThat(write.bindValues()).containsExactly(10L, 4.6, 123, 42L);
    }

    @Test
    void deletesAreTimestampedToo() {
        assertThat(new DisplayWrite.Delete(RowKey.product(42, 7), 5L).cql())
                .isEqualTo("DELETE FROM shop_product USING TIMESTAMP ? WHERE shop_id = ? AND product_id = ?");
        assertThat(new DisplayWrite.Delete(RowKey.shop(42), 5L).cql())
                .isEqualTo("DELETE FROM shop USING TIMESTAMP ? WHERE shop_id = ?");
        DisplayWrite columns = new DisplayWrite.DeleteColumns(RowKey.product(42, 7), List.of("sale_price", "discount_rate"), 5L);
        assertThat(columns.cql())
                .isEqualTo("DELETE sale_price, discount_rate FROM shop_product USING TIMESTAMP ? WHERE shop_id = ? AND product_id = ?");
        assertThat(columns.bindValues()).containsExactly(5L, 42L, 7L);
    }

    @Test
    void aNullValueIsBoundAsNullToClearTheCell() {
        DisplayWrite write = new DisplayWrite.Upsert(RowKey.product(1, 2), List.of(ColumnValue.of("image_url", null)), 3L);

        assertThat(write.bindValues()).containsExactly(3L, null, 1L, 2L);
    }

    @Test
    void malformedWritesAreRefusedBeforeTheyReachCassandra() {
        assertThatThrownBy(() -> ColumnValue.of("name; DROP TABLE shop", "x"))
                .hasMessageContaining("not a column name");
        assertThatThrownBy(() -> new DisplayWrite.Upsert(RowKey.product(1, 2), List.of(), 1L))
                .hasMessageContaining("at least one column");
        assertThatThrownBy(() -> new DisplayWrite.Upsert(RowKey.product(1, 2), List.of(ColumnValue.of("product_id", 3L)), 1L))
                .hasMessageContaining("key columns are set by the key");
        assertThatThrownBy(() -> new RowKey(DisplayTable.SHOP_PRODUCT, List.of(1L, 2L, 3L)))
                .hasMessageContaining("takes 1 to 2 key values");
    }
}
