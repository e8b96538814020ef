package com.storefront.display.testkit.cassandra;

import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

/** A shop's products read as display-api pages them: up to 21 rows after the cursor, 20 shown. */
public final class ShopPages {

    private ShopPages() {
    }

    /**
     * Every product id of the shop, page by page, so the last page reads past every row deleted after the
     * last live one.
     */
    public static List<Long> pageThrough(CqlSession session, long shop) {
        PreparedStatement page = session.prepare("SELECT product_id FROM shop_product WHERE shop_id = ? AND product_id > ? LIMIT 21");
        List<Long> ids = new ArrayList<>();
        long after = Long.MIN_VALUE;
        List<Row> rows;
        do {
            rows = session.execute(page.bind(shop, after)).all();
            rows.stream().limit(20).forEach(row -> ids.add(row.getLong(0)));
            after = ids.isEmpty() ? after : ids.get(ids.size() - 1);
        } while (rows.size() > 20);
        return ids;
    }
}
