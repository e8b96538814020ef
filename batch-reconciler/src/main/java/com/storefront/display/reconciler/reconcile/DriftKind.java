package com.storefront.display.reconciler.reconcile;

/** How the read model can differ from a source, per entity. */
public enum DriftKind {
    /** The source has the entity; the read model has none of its domain's data. */
    MISSING,
    /** The read model holds an older version than the source. */
    STALE,
    /** The read model holds the entity; the source no longer has it. */
    ORPHAN,
    /** Same version, different values: the read model was changed outside the projections. */
    MISMATCH;

    /** The name used in reports, e.g. {@code missing}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
