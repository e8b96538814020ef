package com.storefront.display.simulator.truth;

import java.util.List;

import com.storefront.display.core.source.SourceItem;

/**
 * Everything the sources hold for one shop at one moment, for comparison with the read model.
 *
 * @param shop   null when the shop is deleted
 * @param review       null when the shop has no review summary
 * @param openingHours null when the shop's opening hours are unknown
 */
public record ShopSnapshot(long shopId, SourceItem shop, SourceItem review, List<SourceItem> coupons,
                           List<SourceItem> products, List<SourceItem> stock, List<SourceItem> prices,
                           SourceItem openingHours) {

    public ShopSnapshot {
        coupons = List.copyOf(coupons);
        products = List.copyOf(products);
        stock = List.copyOf(stock);
        prices = List.copyOf(prices);
    }
}
