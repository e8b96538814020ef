package com.storefront.display.core.domain;

import static com.storefront.display.core.domain.DomainState.requireNonNegative;

/** Stock domain: {@code StockChanged} payload, {@code /source/stock} item (entity id = product id). */
public record StockState(int quantity) implements DomainState {

    public StockState {
        requireNonNegative(quantity, "quantity");
    }

    @Override
    public Domain domain() {
        return Domain.STOCK;
    }
}
