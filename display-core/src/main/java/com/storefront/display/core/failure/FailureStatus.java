package com.storefront.display.core.failure;

/** Where a failed record stands. */
public enum FailureStatus {
    /** Recorded, not acted on yet. */
    NEW,
    /** Re-published to its topic (by an operator) or re-driven into the read model (automatically). */
    REPLAYED,
    /** An operator decided it is not to be applied. */
    DISCARDED
}
