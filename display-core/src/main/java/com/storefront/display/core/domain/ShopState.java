package com.storefront.display.core.domain;

import static com.storefront.display.core.domain.DomainState.require;
import static com.storefront.display.core.domain.DomainState.requireNonNegative;

/** Shop domain: {@code ShopUpserted} payload, {@code /source/shops} item. Amounts in whole KRW. */
public record ShopState(long sellerId, String name, String category, ShopStatus status, long deliveryFee,
                        long minOrderAmount) implements DomainState {

    public enum ShopStatus { OPEN, CLOSED, SUSPENDED }

    public ShopState {
        require(name, "name");
        require(category, "category");
        require(status, "status");
        requireNonNegative(deliveryFee, "deliveryFee");
        requireNonNegative(minOrderAmount, "minOrderAmount");
    }

    @Override
    public Domain domain() {
        return Domain.SHOP;
    }
}
