package com.storefront.display.migrations.cql;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

/**
 * A cluster-wide lease taken with a lightweight transaction, so two instances starting at once never
 * migrate together. The lease is a TTL: a holder that dies releases it by expiry, never by hand.
 */
final class MigrationLock implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);

    private final CqlSession session;
    private final String table;
    private final String owner = UUID.randomUUID().toString();

    private final ConsistencyLevel consistency;

    private MigrationLock(CqlSession session, String keyspace, ConsistencyLevel consistency) {
        this.session = session;
        this.table = keyspace + ".schema_migration_lock";
        this.consistency = consistency;
    }

    static MigrationLock acquire(CqlSession session, String keyspace, ConsistencyLevel consistency, Duration lease,
                                 Duration wait) {
        MigrationLock lock = new MigrationLock(session, keyspace, consistency);
        Instant deadline = Instant.now().plus(wait);
        while (!lock.tryAcquire(lease)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("another instance has held the CQL migration lock (" + lock.table
                        + ") for more than " + wait.toSeconds() + " s; it expires at the latest "
                        + lease.toSeconds() + " s after it was taken");
            }
            sleep();
        }
        return lock;
    }

    private boolean tryAcquire(Duration lease) {
        return session.execute(SimpleStatement.newInstance("INSERT INTO " + table
                        + " (name, owner, acquired_at) VALUES ('schema', ?, ?) IF NOT EXISTS USING TTL ?",
                        owner, Instant.now(), (int) lease.toSeconds())
                .setConsistencyLevel(consistency).setSerialConsistencyLevel(ConsistencyLevel.SERIAL)
                .setIdempotent(false)).wasApplied();
    }

    @Override
    public void close() {
        session.execute(SimpleStatement.newInstance("DELETE FROM " + table + " WHERE name = 'schema' IF owner = ?", owner)
                .setConsistencyLevel(consistency).setSerialConsistencyLevel(ConsistencyLevel.SERIAL)
                .setIdempotent(false));
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the CQL migration lock", e);
        }
    }
}
