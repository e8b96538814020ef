package com.storefront.display.reconciler.launch;

import java.util.List;

/** The jobs of docs/contracts.md, by the names the ops API takes. */
public final class JobNames {

    public static final String BULK_LOAD = "bulk-load";
    public static final String RECONCILE = "reconcile";
    public static final String BACKFILL = "backfill";
    public static final String INCREMENTAL_SYNC = "incremental-sync";

    public static final List<String> ALL = List.of(BULK_LOAD, RECONCILE, BACKFILL, INCREMENTAL_SYNC);

    /** The identifying parameter that makes every request a new job instance. */
    public static final String REQUESTED_AT = "requestedAt";

    private JobNames() {
    }
}
