package com.storefront.display.core.projection.stock;

import static com.storefront.display.core.write.ColumnValue.of;

import java.util.List;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.StockState;
import com.storefront.display.core.projection.Projection;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.RowKey;

/** Stock domain: the stock column of a {@code shop_product} row. Stock is never deleted on its own. */
public final class StockProjection implements Projection {

    @Override
    public Domain domain() {
        return Domain.STOCK;
    }

    @Override
    public List<String> columns() {
        return List.of("stock_quantity");
    }

    @Override
    public RowKey key(long shopId, long entityId) {
        return RowKey.product(shopId, entityId);
    }

    @Override
    public DisplayWrite upsert(SourceItem item) {
        return new DisplayWrite.Upsert(RowKey.product(item.shopId(), item.id()),
                List.of(of("stock_quantity", ((StockState) item.state()).quantity())), item.version());
    }

    @Override
    public DisplayWrite delete(long shopId, long entityId, long version) {
        throw new UnsupportedOperationException("stock has no deletes; it goes with its product");
    }
}
