package com.storefront.display.core.domain;

import static com.storefront.display.core.domain.DomainState.requireNonNegative;

/** Price domain: {@code PriceChanged} payload, {@code /source/prices} item (entity id = product id). */
public record PriceState(long salePrice, int discountRate) implements DomainState {

    public PriceState {
        requireNonNegative(salePrice, "salePrice");
        if (discountRate < 0 || discountRate > 100) {
            throw new IllegalArgumentException("discountRate must be 0..100, was " + discountRate);
        }
    }

    @Override
    public Domain domain() {
        return Domain.PRICE;
    }
}
