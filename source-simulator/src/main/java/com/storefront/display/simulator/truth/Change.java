package com.storefront.display.simulator.truth;

import java.time.Instant;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourceVersions;

/**
 * A change applied to the source of truth.
 *
 * @param item the entity after the change, or null when the change deleted it
 */
public record Change(Domain domain, long id, long shopId, long version, SourceItem item) {

    public boolean deleted() {
        return item == null;
    }

    /** When the change happened: its version as an instant. */
    public Instant occurredAt() {
        return SourceVersions.instant(version);
    }
}
