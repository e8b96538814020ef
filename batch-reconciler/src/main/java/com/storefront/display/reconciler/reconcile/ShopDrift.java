package com.storefront.display.reconciler.reconcile;

import java.util.List;

/** The drift reconciliation found in one shop, over the chosen domains; empty when the shop is as its sources. */
public record ShopDrift(long shopId, List<Drift> drifts) {

    public ShopDrift {
        drifts = List.copyOf(drifts);
    }
}
