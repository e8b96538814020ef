package com.storefront.display.reconciler.reconcile;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.write.DisplayWrite;

/**
 * One entity whose read-model state differs from its source.
 *
 * @param repair the timestamped write that makes the read model show the source state
 * @param detail what differs, for the drift report
 */
public record Drift(Domain domain, DriftKind kind, long shopId, long entityId, DisplayWrite repair, String detail) {

    /** The report key of this drift's domain and kind, e.g. {@code products:stale}. */
    public String countKey() {
        return domain.sourcePath() + ":" + kind.label();
    }
}
