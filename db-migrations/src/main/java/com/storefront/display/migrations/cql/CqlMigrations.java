package com.storefront.display.migrations.cql;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;

/**
 * Applies the versioned CQL scripts to a keyspace: creates the keyspace if missing, takes the
 * migration lock, verifies every applied script is unchanged (checksum), applies the pending ones in
 * version order and records each with its checksum. Running it again is a no-op.
 */
public final class CqlMigrations {

    private static final Logger log = LoggerFactory.getLogger(CqlMigrations.class);

    /** How long one statement of the migrations (DDL included) may take. */
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(60);

    private final CqlMigrationSettings settings;
    private final Supplier<CqlSessionBuilder> sessions;

    /**
     * @param settings keyspace, replication, script location and lock timings
     * @param sessions fresh session builders pointing at the cluster; their keyspace is ignored
     */
    public CqlMigrations(CqlMigrationSettings settings, Supplier<CqlSessionBuilder> sessions) {
        this.settings = settings;
        this.sessions = sessions;
    }

    /**
     * @throws ChangedMigrationException when an applied script was edited; nothing is applied then
     * @throws IllegalStateException     when the lock cannot be had in time
     */
    public MigrationReport migrate() {
        List<CqlMigration> scripts = CqlMigrationScripts.load(settings.location());
        String keyspace = settings.keyspace();
        CqlSession session = open();
        try {
            createKeyspaceAndHistory(session, keyspace);
            MigrationConsistency.require(settings.consistency(), replication(session, keyspace), keyspace);
            // scripts use unqualified table names; this private session runs one statement at a time
            executeOnceKnown(session, "USE " + keyspace);
            MigrationLock lock = MigrationLock.acquire(session, keyspace, settings.consistency(), settings.lockLease(),
                    settings.lockWait());
            try {
                return applyPending(session, keyspace, scripts);
            } finally {
                lock.close();
            }
        } finally {
            // closed in the background: its connections close at once, and the driver's two quiet seconds
            // on its event loops (advanced.netty.io-group.shutdown.quiet-period) are not the app's start
            session.closeAsync();
        }
    }

    /**
     * A session for DDL only. Schema metadata is off: with it on, the driver refreshes its metadata
     * after every DDL statement through a one-second debouncer, which makes each statement take a second.
     */
    private CqlSession open() {
        CqlSession session = sessions.get().withKeyspace((CqlIdentifier) null).build();
        session.setSchemaMetadataEnabled(false);
        return session;
    }

    private void createKeyspaceAndHistory(CqlSession session, String keyspace) {
        ddl(session, "CREATE KEYSPACE IF NOT EXISTS " + keyspace + " WITH replication = " + settings.replication());
        ddl(session, "CREATE TABLE IF NOT EXISTS " + keyspace + ".schema_migration (version int PRIMARY KEY, "
                + "name text, checksum text, applied_at timestamp, applied_by text, execution_ms bigint)");
        ddl(session, "CREATE TABLE IF NOT EXISTS " + keyspace + ".schema_migration_lock (name text PRIMARY KEY, "
                + "owner text, acquired_at timestamp)");
    }

    /** The keyspace's replication as the cluster has it: an existing keyspace keeps its own. */
    private Map<String, String> replication(CqlSession session, String keyspace) {
        Row row = session.execute(SimpleStatement.newInstance(
                "SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?", keyspace).setTimeout(STATEMENT_TIMEOUT)).one();
        if (row == null) {
            throw new IllegalStateException("keyspace " + keyspace + " was created but the node does not list it");
        }
        Map<String, String> replication = row.getMap("replication", String.class, String.class);
        log.info("CQL migrations of keyspace {}: replication {}, history and lock at {}", keyspace, replication,
                settings.consistency());
        return replication;
    }

    private MigrationReport applyPending(CqlSession session, String keyspace, List<CqlMigration> scripts) {
        Map<Integer, String> applied = appliedChecksums(session, keyspace);
        List<CqlMigration> pending = new ArrayList<>();
        for (CqlMigration script : scripts) {
            String checksum = applied.get(script.version());
            if (checksum == null) {
                pending.add(script);
            } else if (!checksum.equals(script.checksum())) {
                throw new ChangedMigrationException(script, checksum);
            }
        }
        List<Integer> done = new ArrayList<>();
        for (CqlMigration script : pending) {
            apply(session, keyspace, script);
            done.add(script.version());
        }
        log.info("CQL migrations of keyspace {}: {} verified unchanged, applied {}", keyspace,
                scripts.size() - pending.size(), done);
        return new MigrationReport(done, scripts.size() - pending.size());
    }

    private Map<Integer, String> appliedChecksums(CqlSession session, String keyspace) {
        Map<Integer, String> applied = new HashMap<>();
        for (Row row : session.execute(SimpleStatement.newInstance("SELECT version, checksum FROM " + keyspace
                + ".schema_migration").setConsistencyLevel(settings.consistency()).setTimeout(STATEMENT_TIMEOUT))) {
            applied.put(row.getInt("version"), row.getString("checksum"));
        }
        return applied;
    }

    private void apply(CqlSession session, String keyspace, CqlMigration script) {
        long start = System.nanoTime();
        for (String statement : script.statements()) {
            ddl(session, statement);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        SimpleStatement record = SimpleStatement.newInstance("INSERT INTO " + keyspace + ".schema_migration "
                        + "(version, name, checksum, applied_at, applied_by, execution_ms) VALUES (?, ?, ?, ?, ?, ?)",
                script.version(), script.name(), script.checksum(), Instant.now(), host(), millis)
                .setConsistencyLevel(settings.consistency()).setTimeout(STATEMENT_TIMEOUT);
        // the record is idempotent (its key is the version): a quorum write that timed out on a loaded
        // cluster (the driver's policy does not retry a simple write) is written again, twice at most
        for (int attempt = 1; ; attempt++) {
            try {
                session.execute(record);
                break;
            } catch (WriteTimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
                log.warn("recording CQL migration {} timed out ({}); writing it again", script.name(), e.getMessage());
            }
        }
        log.info("applied CQL migration {} in {} ms", script.name(), millis);
    }

    /**
     * Runs a schema change and returns once every node agrees on the schema: on a cluster the next
     * statement may reach another node, which must know the table this one made (the driver waits for
     * agreement only up to its own timeout, then goes on).
     */
    private static void ddl(CqlSession session, String cql) {
        if (executeOnceKnown(session, cql).getExecutionInfo().isSchemaInAgreement()) {
            return;
        }
        long deadline = System.nanoTime() + STATEMENT_TIMEOUT.toNanos();
        while (!session.checkSchemaAgreement()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the nodes did not agree on the schema within " + STATEMENT_TIMEOUT.toSeconds()
                        + " s after: " + cql);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for schema agreement", e);
            }
        }
    }

    /**
     * Runs a statement, again while its coordinator answers that a keyspace or table does not exist:
     * on a cluster that has just started, a node may not yet see a new peer as alive, so the driver
     * reports schema agreement without it and the next statement, coordinated there, does not find what
     * the last one made (seen on a three-node cluster seconds after its nodes answered). Such a statement
     * changed nothing, so running it again is safe; after {@link #STATEMENT_TIMEOUT} the error stands.
     */
    private static ResultSet executeOnceKnown(CqlSession session, String cql) {
        long deadline = System.nanoTime() + STATEMENT_TIMEOUT.toNanos();
        while (true) {
            try {
                return session.execute(statement(cql));
            } catch (InvalidQueryException e) {
                if (e.getMessage() == null || !e.getMessage().contains("doesn't exist") || System.nanoTime() > deadline) {
                    throw e;
                }
                log.info("{} on {}: {}; the node has not learned the schema yet, trying again", cql,
                        e.getCoordinator() == null ? "a node" : e.getCoordinator().getEndPoint(), e.getMessage());
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * A statement of the migrations, with a timeout of its own: on a cluster a DDL statement waits for
     * every node to agree on the schema, which takes seconds, beyond an app's usual request timeout.
     */
    static SimpleStatement statement(String cql) {
        return SimpleStatement.newInstance(cql).setTimeout(STATEMENT_TIMEOUT);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (java.net.UnknownHostException e) {
            return "unknown/" + ProcessHandle.current().pid();
        }
    }
}
