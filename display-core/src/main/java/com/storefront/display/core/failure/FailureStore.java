package com.storefront.display.core.failure;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.cassandra.core.cql.CqlOperations;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import com.storefront.display.core.cql.CqlConsistency;

/**
 * The ingest failure store ({@code ingest_failure}, listed per topic through
 * {@code ingest_failure_by_topic}). Its methods are the lifecycle of a failure: {@link #record},
 * {@link #findReplayable}, {@link #claim}, {@link #markReplayed}, {@link #markDiscarded}.
 */
public final class FailureStore {

    private static final String COLUMNS = "failure_id, topic, kafka_partition, kafka_offset, record_key, record_value, "
            + "reason, error_type, retryable, status, attempts, recorded_at, updated_at";

    private final CqlOperations cql;

    public FailureStore(CqlOperations cql) {
        this.cql = cql;
    }

    /**
     * Records a failed record as NEW. Recording the same record again (a batch retried after a write
     * failure) overwrites its one row instead of adding a second: the id is a function of the record.
     *
     * @param recordTimestamp the Kafka record's timestamp, epoch millis: the time in the id, so failures
     *                        list newest first
     * @return the failure's id, {@link #failureId}
     */
    public UUID record(String topic, int partition, long offset, long recordTimestamp, String key, byte[] value,
                       String reason, String errorType, boolean retryable) {
        UUID id = failureId(topic, partition, offset, recordTimestamp);
        Instant now = Instant.now();
        cql.execute(CqlConsistency.write("INSERT INTO ingest_failure (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, topic, partition, offset, key, value == null ? null : ByteBuffer.wrap(value), reason, errorType,
                retryable, FailureStatus.NEW.name(), 1, now, now));
        cql.execute(CqlConsistency.write("INSERT INTO ingest_failure_by_topic (topic, failure_id, status, reason, retryable) VALUES (?, ?, ?, ?, ?)",
                topic, id, FailureStatus.NEW.name(), reason, retryable));
        return id;
    }

    /**
     * The id of a record's failure: a version-1 time UUID whose time is the record's timestamp and whose
     * clock sequence and node bits are a 62-bit hash of topic, partition and offset. The same record
     * always gets the same id; two records collide only with the same millisecond and hash.
     */
    public static UUID failureId(String topic, int partition, long offset, long recordTimestamp) {
        long time = Uuids.startOf(Math.max(0, recordTimestamp)).getMostSignificantBits();
        long hash = mix(mix(mix(topic.hashCode()) ^ partition) ^ offset);
        long variantAndHash = (hash >>> 2) | 0x8000_0000_0000_0000L;
        return new UUID(time, variantAndHash);
    }

    /** SplitMix64's finaliser: every input bit affects every output bit. */
    private static long mix(long value) {
        long z = value + 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** The failure with that id; empty for an unknown id, or one that is not a time UUID (no failure has one). */
    public Optional<IngestFailure> find(UUID failureId) {
        if (failureId.version() != 1) {
            return Optional.empty();
        }
        return cql.query("SELECT " + COLUMNS + " FROM ingest_failure WHERE failure_id = ?", (row, n) -> failure(row),
                failureId).stream().findFirst();
    }

    /**
     * The failures of a topic, newest first.
     *
     * @param status null for any
     */
    public List<IngestFailure> list(String topic, FailureStatus status, int limit) {
        List<IngestFailure> found = new ArrayList<>();
        for (Row row : cql.queryForResultSet("SELECT failure_id, status FROM ingest_failure_by_topic WHERE topic = ?", topic)) {
            if (found.size() >= limit) {
                break;
            }
            if (status == null || status.name().equals(row.getString("status"))) {
                find(row.getUuid("failure_id")).ifPresent(found::add);
            }
        }
        return found;
    }

    /** NEW failures of a topic marked retryable, oldest first, at most {@code limit}. */
    public List<IngestFailure> findReplayable(String topic, int limit) {
        List<UUID> ids = new ArrayList<>();
        for (Row row : cql.queryForResultSet("SELECT failure_id, status, retryable FROM ingest_failure_by_topic WHERE topic = ?",
                topic)) {
            if (row.getBoolean("retryable") && FailureStatus.NEW.name().equals(row.getString("status"))) {
                ids.add(row.getUuid("failure_id"));
            }
        }
        Collections.reverse(ids);
        List<IngestFailure> replayable = new ArrayList<>();
        for (UUID id : ids.subList(0, Math.min(limit, ids.size()))) {
            find(id).ifPresent(replayable::add);
        }
        return replayable;
    }

    /**
     * Claims a failure for re-driving, across every instance: a lightweight transaction that succeeds
     * for one claimant until {@code lease} runs out (a TTL) or the claimant releases it. A claimant that
     * dies mid-way leaves the failure to the others once the lease expires.
     *
     * @return whether this owner holds the claim now
     */
    public boolean claim(UUID failureId, String owner, Duration lease) {
        return cql.execute(CqlConsistency.lightweightTransaction(
                "INSERT INTO redrive_claim (failure_id, owner, claimed_at) VALUES (?, ?, ?) IF NOT EXISTS USING TTL ?",
                failureId, owner, Instant.now(), (int) Math.max(1, lease.toSeconds())));
    }

    /** Gives up a claim this owner holds; nothing when another holds it. */
    public void release(UUID failureId, String owner) {
        cql.execute(CqlConsistency.lightweightTransaction("DELETE FROM redrive_claim WHERE failure_id = ? IF owner = ?",
                failureId, owner));
    }

    public void markReplayed(IngestFailure failure) {
        mark(failure, FailureStatus.REPLAYED);
    }

    public void markDiscarded(IngestFailure failure) {
        mark(failure, FailureStatus.DISCARDED);
    }

    /** Counts one more failed attempt of a retryable failure that stays NEW. */
    public void markAttemptFailed(IngestFailure failure, String reason) {
        cql.execute(CqlConsistency.write("UPDATE ingest_failure SET attempts = ?, reason = ?, updated_at = ? WHERE failure_id = ?",
                failure.attempts() + 1, reason, Instant.now(), failure.failureId()));
    }

    private void mark(IngestFailure failure, FailureStatus status) {
        cql.execute(CqlConsistency.write("UPDATE ingest_failure SET status = ?, updated_at = ? WHERE failure_id = ?",
                status.name(), Instant.now(), failure.failureId()));
        cql.execute(CqlConsistency.write("UPDATE ingest_failure_by_topic SET status = ? WHERE topic = ? AND failure_id = ?",
                status.name(), failure.topic(), failure.failureId()));
    }

    private static IngestFailure failure(Row row) {
        ByteBuffer value = row.getByteBuffer("record_value");
        byte[] bytes = null;
        if (value != null) {
            bytes = new byte[value.remaining()];
            value.duplicate().get(bytes);
        }
        return new IngestFailure(row.getUuid("failure_id"), row.getString("topic"), row.getInt("kafka_partition"),
                row.getLong("kafka_offset"), row.getString("record_key"), bytes, row.getString("reason"),
                row.getString("error_type"), row.getBoolean("retryable"), FailureStatus.valueOf(row.getString("status")),
                row.getInt("attempts"), row.getInstant("recorded_at"), row.getInstant("updated_at"));
    }
}
