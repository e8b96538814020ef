package com.storefront.display.api.product;

import com.storefront.display.core.model.ShopProduct;

/**
 * One product as the store front shows it (docs/contracts.md).
 *
 * @param price        the sale price once the price domain set one, else the base price
 * @param discountRate null until a price event arrived
 * @param stock        null until a stock event arrived
 * @param soldOut      SOLD_OUT, or a stock of zero
 */
public record ProductView(long productId, String name, String category, String imageUrl, Long basePrice, Long price,
                          Integer discountRate, Integer stock, boolean soldOut) {

    static ProductView of(ShopProduct product) {
        return new ProductView(product.productId(), product.name(), product.category(), product.imageUrl(),
                product.basePrice(), product.effectivePrice(), product.discountRate(), product.stockQuantity(),
                product.soldOut());
    }
}
