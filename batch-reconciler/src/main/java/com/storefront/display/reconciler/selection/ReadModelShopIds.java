package com.storefront.display.reconciler.selection;

import java.util.TreeSet;

import org.springframework.data.cassandra.core.cql.CqlOperations;
import org.springframework.data.cassandra.core.cql.RowCallbackHandler;

import com.storefront.display.core.write.DisplayTable;

/**
 * The shop ids the read model has a partition for, in any table: reconciliation must visit shops the
 * sources no longer know too (their rows are orphans). A scan of partition keys only.
 */
public final class ReadModelShopIds {

    private final CqlOperations cql;

    public ReadModelShopIds(CqlOperations cql) {
        this.cql = cql;
    }

    /** The ids in {@code from..to}, inclusive, ascending. */
    public TreeSet<Long> between(long from, long to) {
        TreeSet<Long> ids = new TreeSet<>();
        for (DisplayTable table : DisplayTable.values()) {
            String key = table.keyColumns().get(0);
            cql.query("SELECT DISTINCT " + key + " FROM " + table.cqlName(), (RowCallbackHandler) row -> {
                long id = row.getLong(0);
                if (id >= from && id <= to) {
                    ids.add(id);
                }
            });
        }
        return ids;
    }
}
