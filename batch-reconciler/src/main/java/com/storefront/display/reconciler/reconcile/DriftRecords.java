package com.storefront.display.reconciler.reconcile;

import java.time.Instant;
import java.util.List;

import org.springframework.data.cassandra.core.cql.CqlOperations;

import com.storefront.display.core.cql.CqlConsistency;

/** Sampled drifted keys of reconcile runs ({@code drift_record}), for operators to look at. */
public final class DriftRecords {

    /** One recorded drift. */
    public record Sample(String domain, String kind, long shopId, long entityId, Instant detectedAt, String detail,
                         boolean repaired) {
    }

    private final CqlOperations cql;

    public DriftRecords(CqlOperations cql) {
        this.cql = cql;
    }

    void record(long executionId, Drift drift, boolean repaired) {
        cql.execute(CqlConsistency.write("INSERT INTO drift_record (execution_id, domain, kind, shop_id, entity_id, detected_at, detail, repaired) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", executionId, drift.domain().sourcePath(), drift.kind().label(),
                drift.shopId(), drift.entityId(), Instant.now(), drift.detail(), repaired));
    }

    /** The samples of an execution, by domain, kind, shop and entity; at most {@code limit}. */
    public List<Sample> samples(long executionId, int limit) {
        return cql.query("SELECT domain, kind, shop_id, entity_id, detected_at, detail, repaired FROM drift_record "
                        + "WHERE execution_id = ? LIMIT ?", (row, n) -> new Sample(row.getString(0), row.getString(1),
                        row.getLong(2), row.getLong(3), row.getInstant(4), row.getString(5), row.getBoolean(6)),
                executionId, limit);
    }
}
