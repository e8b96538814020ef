package com.storefront.display.core.projection.product;

import static com.storefront.display.core.write.ColumnValue.of;

import java.util.List;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.ProductState;
import com.storefront.display.core.projection.Projection;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.RowKey;

/**
 * Product domain: the product columns of a {@code shop_product} row. A deleted product takes its row
 * with it (stock and price exist at their sources only while the product does); writes of any domain
 * newer than the deletion bring the row back.
 */
public final class ProductProjection implements Projection {

    static final List<String> COLUMNS = List.of("name", "category", "image_url", "base_price", "display_status");

    @Override
    public Domain domain() {
        return Domain.PRODUCT;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public RowKey key(long shopId, long entityId) {
        return RowKey.product(shopId, entityId);
    }

    @Override
    public DisplayWrite upsert(SourceItem item) {
        ProductState product = (ProductState) item.state();
        return new DisplayWrite.Upsert(RowKey.product(item.shopId(), item.id()), List.of(of("name", product.name()),
                of("category", product.category()), of("image_url", product.imageUrl()),
                of("base_price", product.basePrice()), of("display_status", product.displayStatus().name())), item.version());
    }

    @Override
    public DisplayWrite delete(long shopId, long productId, long version) {
        return new DisplayWrite.Delete(RowKey.product(shopId, productId), version);
    }
}
