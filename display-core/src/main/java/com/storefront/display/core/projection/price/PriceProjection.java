package com.storefront.display.core.projection.price;

import static com.storefront.display.core.write.ColumnValue.of;

import java.util.List;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.PriceState;
import com.storefront.display.core.projection.Projection;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.RowKey;

/** Price domain: sale price and discount of a {@code shop_product} row. Never deleted on its own. */
public final class PriceProjection implements Projection {

    @Override
    public Domain domain() {
        return Domain.PRICE;
    }

    @Override
    public List<String> columns() {
        return List.of("sale_price", "discount_rate");
    }

    @Override
    public RowKey key(long shopId, long entityId) {
        return RowKey.product(shopId, entityId);
    }

    @Override
    public DisplayWrite upsert(SourceItem item) {
        PriceState price = (PriceState) item.state();
        return new DisplayWrite.Upsert(RowKey.product(item.shopId(), item.id()),
                List.of(of("sale_price", price.salePrice()), of("discount_rate", price.discountRate())), item.version());
    }

    @Override
    public DisplayWrite delete(long shopId, long entityId, long version) {
        throw new UnsupportedOperationException("prices have no deletes; they go with their product");
    }
}
