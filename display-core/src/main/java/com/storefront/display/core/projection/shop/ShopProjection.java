package com.storefront.display.core.projection.shop;

import static com.storefront.display.core.write.ColumnValue.of;

import java.util.List;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.ShopState;
import com.storefront.display.core.projection.Projection;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.RowKey;

/**
 * Shop domain: the shop's static columns. A deleted shop loses only these columns; its coupons and
 * review summary belong to other domains (the shop reads as 404 without its own data).
 */
public final class ShopProjection implements Projection {

    static final List<String> COLUMNS = List.of("seller_id", "name", "category", "status", "delivery_fee",
            "min_order_amount");

    @Override
    public Domain domain() {
        return Domain.SHOP;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public RowKey key(long shopId, long entityId) {
        return RowKey.shop(shopId);
    }

    @Override
    public DisplayWrite upsert(SourceItem item) {
        ShopState shop = (ShopState) item.state();
        return new DisplayWrite.Upsert(RowKey.shop(item.shopId()), List.of(of("seller_id", shop.sellerId()),
                of("name", shop.name()), of("category", shop.category()), of("status", shop.status().name()),
                of("delivery_fee", shop.deliveryFee()), of("min_order_amount", shop.minOrderAmount())), item.version());
    }

    @Override
    public DisplayWrite delete(long shopId, long entityId, long version) {
        return new DisplayWrite.DeleteColumns(RowKey.shop(shopId), COLUMNS, version);
    }
}
