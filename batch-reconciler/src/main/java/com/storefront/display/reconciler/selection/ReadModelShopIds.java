package com.storefront.display.reconciler.selection;

import java.util.TreeSet;

import org.springframework.data.cassandra.core.cql.CqlOperations;
import org.springframework.data.cassandra.core.cql.RowCallbackHandler;

/**
 * The shop ids the read model has held a row for: reconciliation must visit shops the sources no longer
 * know too (their rows are orphans). Read from {@code shop_directory}, which the writer fills before a
 * shop's first upsert and nothing deletes from, never from the read-model tables: a scan of their
 * partition keys reads each partition up to its first live row, through any run of tombstones, and fails
 * the whole enumeration once one shop holds more than Cassandra's tombstone_failure_threshold.
 */
public final class ReadModelShopIds {

    static final String QUERY = "SELECT shop_id FROM shop_directory";

    private final CqlOperations cql;

    public ReadModelShopIds(CqlOperations cql) {
        this.cql = cql;
    }

    /** The ids in {@code from..to}, inclusive, ascending. */
    public TreeSet<Long> between(long from, long to) {
        TreeSet<Long> ids = new TreeSet<>();
        cql.query(QUERY, (RowCallbackHandler) row -> {
            long id = row.getLong(0);
            if (id >= from && id <= to) {
                ids.add(id);
            }
        });
        return ids;
    }
}
