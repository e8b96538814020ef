package com.storefront.display.testkit.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

class StatementCountTest {

    private final StatementCount shopProduct = StatementCount.writesTo("shop_product");

    @Test
    void aBatchCountsAsTheWritesItHoldsAndAsOneRequest() {
        shopProduct.onSuccess(BatchStatement.newInstance(DefaultBatchType.UNLOGGED,
                SimpleStatement.newInstance("UPDATE shop_product USING TIMESTAMP ? SET stock = ? WHERE shop_id = ? AND product_id = ?"),
                SimpleStatement.newInstance("DELETE FROM shop_product USING TIMESTAMP ? WHERE shop_id = ? AND product_id = ?"),
                SimpleStatement.newInstance("UPDATE shop_product USING TIMESTAMP ? SET stock = ? WHERE shop_id = ? AND product_id = ?")),
                0, null, null, "");
        shopProduct.onSuccess(SimpleStatement.newInstance("INSERT INTO shop_product (shop_id, product_id) VALUES (?, ?)"), 0, null, null, "");

        assertThat(shopProduct.statements()).isEqualTo(4);
        assertThat(shopProduct.requests()).isEqualTo(2);
    }

    @Test
    void readsAndOtherTablesAreNotCounted() {
        shopProduct.onSuccess(SimpleStatement.newInstance("SELECT * FROM shop_product WHERE shop_id = ?"), 0, null, null, "");
        shopProduct.onSuccess(SimpleStatement.newInstance("UPDATE shop_product_by_category USING TIMESTAMP ? SET x = ? WHERE shop_id = ?"),
                0, null, null, "");
        shopProduct.onSuccess(BatchStatement.newInstance(DefaultBatchType.UNLOGGED,
                SimpleStatement.newInstance("UPDATE shop USING TIMESTAMP ? SET name = ? WHERE shop_id = ?")), 0, null, null, "");

        assertThat(shopProduct.statements()).isZero();
        assertThat(shopProduct.requests()).isZero();
    }
}
