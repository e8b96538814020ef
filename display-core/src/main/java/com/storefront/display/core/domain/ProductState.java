package com.storefront.display.core.domain;

import static com.storefront.display.core.domain.DomainState.require;
import static com.storefront.display.core.domain.DomainState.requireNonNegative;

/**
 * Product domain: {@code ProductUpserted} payload (schema v1 shape; v2 is upcast to it),
 * {@code /source/products} item. {@code imageUrl} may be null.
 */
public record ProductState(String name, String category, String imageUrl, long basePrice,
                           DisplayStatus displayStatus) implements DomainState {

    public enum DisplayStatus { ON_SALE, SOLD_OUT, HIDDEN }

    public ProductState {
        require(name, "name");
        require(category, "category");
        require(displayStatus, "displayStatus");
        requireNonNegative(basePrice, "basePrice");
    }

    @Override
    public Domain domain() {
        return Domain.PRODUCT;
    }
}
