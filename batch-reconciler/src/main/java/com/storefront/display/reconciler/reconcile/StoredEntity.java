package com.storefront.display.reconciler.reconcile;

import java.util.Map;

/**
 * What the read model holds for one entity of one domain.
 *
 * @param values    the domain's columns that hold a value (absent: null)
 * @param writeTime the newest write time (epoch microseconds) of those cells: the version the read
 *                  model shows
 */
public record StoredEntity(Map<String, Object> values, long writeTime) {

    public StoredEntity {
        values = Map.copyOf(values);
    }
}
