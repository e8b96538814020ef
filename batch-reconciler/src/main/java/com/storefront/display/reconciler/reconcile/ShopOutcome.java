package com.storefront.display.reconciler.reconcile;

import java.util.List;

import com.storefront.display.core.source.SourceItem;

/**
 * What one shop needs: the drift reconciliation found in it, and (for a backfill) the source items to
 * write again whatever the read model holds.
 */
public record ShopOutcome(long shopId, List<Drift> drifts, List<SourceItem> refetched) {

    public ShopOutcome {
        drifts = List.copyOf(drifts);
        refetched = List.copyOf(refetched);
    }
}
