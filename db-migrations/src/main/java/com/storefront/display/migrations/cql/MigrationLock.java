package com.storefront.display.migrations.cql;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;

/**
 * A cluster-wide lease taken with a lightweight transaction, so two instances starting at once never
 * migrate together. The lease is a TTL: a holder that dies releases it by expiry, never by hand.
 */
final class MigrationLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MigrationLock.class);
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

    /**
     * One attempt. A lightweight transaction that timed out (Paxos contention on a busy cluster) may or
     * may not have been applied: the next attempt tells, as a lock found held by this owner is held.
     */
    private boolean tryAcquire(Duration lease) {
        ResultSet result;
        try {
            result = session.execute(SimpleStatement.newInstance("INSERT INTO " + table
                            + " (name, owner, acquired_at) VALUES ('schema', ?, ?) IF NOT EXISTS USING TTL ?",
                            owner, Instant.now(), (int) lease.toSeconds())
                    .setConsistencyLevel(consistency).setSerialConsistencyLevel(ConsistencyLevel.SERIAL)
                    .setIdempotent(false).setTimeout(CqlMigrations.STATEMENT_TIMEOUT));
        } catch (WriteTimeoutException | ReadTimeoutException | UnavailableException e) {
            log.info("taking the CQL migration lock timed out ({}); trying again", e.getMessage());
            return false;
        }
        if (result.wasApplied()) {
            return true;
        }
        Row holder = result.one();
        return holder != null && owner.equals(holder.getString("owner"));
    }

    /** Releases the lock; a release that keeps timing out leaves it to expire with its lease. */
    @Override
    public void close() {
        for (int attempt = 1; ; attempt++) {
            try {
                session.execute(SimpleStatement.newInstance("DELETE FROM " + table + " WHERE name = 'schema' IF owner = ?", owner)
                        .setConsistencyLevel(consistency).setSerialConsistencyLevel(ConsistencyLevel.SERIAL)
                        .setIdempotent(false).setTimeout(CqlMigrations.STATEMENT_TIMEOUT));
                return;
            } catch (WriteTimeoutException | ReadTimeoutException | UnavailableException e) {
                if (attempt == 5) {
                    log.warn("releasing the CQL migration lock timed out {} times ({}); it expires with its lease", attempt,
                            e.getMessage());
                    return;
                }
                sleep();
            }
        }
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
