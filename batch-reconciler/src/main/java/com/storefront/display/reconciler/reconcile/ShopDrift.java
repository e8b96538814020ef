package com.storefront.display.reconciler.reconcile;

import java.util.List;

import com.storefront.display.core.write.DisplayWrite;

/**
 * The drift reconciliation found in one shop, over the chosen domains; empty when the shop is as its sources.
 *
 * @param drifts  one per drifted entity, for the counts and the samples
 * @param repairs the writes that repair them all: fewer than the drifts when orphan rows are deleted by range
 */
public record ShopDrift(long shopId, List<Drift> drifts, List<DisplayWrite> repairs) {

    public ShopDrift {
        drifts = List.copyOf(drifts);
        repairs = List.copyOf(repairs);
    }
}
