package com.storefront.display.scenario;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;

/**
 * What ingest's failure store holds: poison records (not retryable; a malformed record published twice
 * is two entries with the same bytes), and thin events deferred while the source was down (retryable,
 * REPLAYED once re-driven).
 *
 * @param poisonEntries      entries that are not retryable
 * @param distinctPoison     distinct record values among them
 * @param poisonWithoutReason poison entries with no reason
 * @param deferred           retryable entries in any status
 * @param retryableWaiting   retryable entries still NEW
 */
record FailureCensus(long poisonEntries, long distinctPoison, long poisonWithoutReason, long deferred, long retryableWaiting) {

    static FailureCensus read(CqlSession session) {
        long poison = 0;
        long withoutReason = 0;
        long deferred = 0;
        long waiting = 0;
        Set<ByteBuffer> values = new HashSet<>();
        for (Row row : session.execute("SELECT record_value, reason, retryable, status FROM ingest_failure")) {
            if (row.getBoolean("retryable")) {
                deferred++;
                if ("NEW".equals(row.getString("status"))) {
                    waiting++;
                }
            } else {
                poison++;
                values.add(row.getByteBuffer("record_value"));
                String reason = row.getString("reason");
                if (reason == null || reason.isBlank()) {
                    withoutReason++;
                }
            }
        }
        return new FailureCensus(poison, values.size(), withoutReason, deferred, waiting);
    }
}
