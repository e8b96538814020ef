package com.storefront.display.migrations.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.Row;
import com.storefront.display.localstack.StackEndpoints;
import com.storefront.display.localstack.junit.WithLocalStack;

@WithLocalStack
class CqlMigrationsIT {

    private static StackEndpoints stack;
    private static CqlSession session;

    @BeforeAll
    static void connect(StackEndpoints endpoints) {
        stack = endpoints;
        session = builder().build();
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void aFreshKeyspaceGetsEveryTableAndAChecksumPerScript() {
        String keyspace = freshKeyspace();

        MigrationReport report = migrations(keyspace, "db/cql").migrate();

        assertThat(report).isEqualTo(new MigrationReport(List.of(1, 2, 3, 4, 5, 6, 7, 8), 0));
        assertThat(tables(keyspace)).containsExactlyInAnyOrder("shop", "shop_product", "ingest_failure",
                "ingest_failure_by_topic", "reconciliation_run", "drift_record", "redrive_claim", "sync_mark", "shop_directory",
                "schema_migration", "schema_migration_lock");
        assertThat(columns(keyspace, "shop")).contains("opening_hours");
        assertThat(columns(keyspace, "ingest_failure_by_topic")).contains("retryable");
        assertThat(session.execute("SELECT gc_grace_seconds, compaction FROM system_schema.tables WHERE keyspace_name = ? AND table_name = ?",
                keyspace, "shop_product").one()).satisfies(options -> {
                    assertThat(options.getInt(0)).as("gc_grace_seconds").isEqualTo(259_200);
                    assertThat(options.getMap(1, String.class, String.class)).containsEntry("unchecked_tombstone_compaction", "true");
                });
        Map<Integer, String> recorded = session.execute("SELECT version, checksum FROM " + keyspace + ".schema_migration")
                .all().stream().collect(Collectors.toMap(r -> r.getInt(0), r -> r.getString(1)));
        assertThat(recorded).isEqualTo(CqlMigrationScripts.load("db/cql").stream()
                .collect(Collectors.toMap(CqlMigration::version, CqlMigration::checksum)));
    }

    @Test
    void aSecondRunVerifiesAndAppliesNothing() {
        String keyspace = freshKeyspace();
        migrations(keyspace, "db/cql").migrate();

        MigrationReport again = migrations(keyspace, "db/cql").migrate();

        assertThat(again).isEqualTo(new MigrationReport(List.of(), 8));
    }

    @Test
    void anAppliedScriptThatWasEditedIsRefusedByName() {
        String keyspace = freshKeyspace();
        migrations(keyspace, "test-cql/original").migrate();

        assertThatThrownBy(() -> migrations(keyspace, "test-cql/edited").migrate())
                .isInstanceOf(ChangedMigrationException.class)
                .hasMessageContaining("CQL migration V001__things.cql (version 1) was applied with checksum")
                .hasMessageContaining("must never change");
        assertThat(columns(keyspace, "things")).containsExactlyInAnyOrder("id", "name");
    }

    @Test
    void aFailedScriptIsNotRecordedAndTheLockIsReleased() {
        String keyspace = freshKeyspace();

        assertThatThrownBy(() -> migrations(keyspace, "test-cql/bad").migrate()).isNotNull();

        assertThat(session.execute("SELECT version FROM " + keyspace + ".schema_migration").all())
                .extracting(r -> r.getInt(0)).containsExactly(1);
        assertThat(session.execute("SELECT * FROM " + keyspace + ".schema_migration_lock").all()).isEmpty();
    }

    @Test
    void fourInstancesStartingAtOnceApplyEachScriptExactlyOnce() {
        String keyspace = freshKeyspace();

        List<MigrationReport> reports = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> migrations(keyspace, "db/cql").migrate()))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(reports.stream().flatMap(r -> r.applied().stream())).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(session.execute("SELECT version FROM " + keyspace + ".schema_migration").all()).hasSize(8);
    }

    @Test
    void aLockLeftByADeadInstanceExpiresAndMigrationProceeds() {
        String keyspace = freshKeyspace();
        migrations(keyspace, "test-cql/original").migrate();
        session.execute("INSERT INTO " + keyspace + ".schema_migration_lock (name, owner, acquired_at) "
                + "VALUES ('schema', 'crashed-instance', toTimestamp(now())) USING TTL 3");
        Instant start = Instant.now();

        MigrationReport report = migrations(keyspace, "test-cql/more").migrate();

        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(report.applied()).containsExactly(2);
    }

    @Test
    void aConsistencyThatCannotSeeAnotherInstancesLockIsRefusedBeforeAnythingIsApplied() {
        String keyspace = freshKeyspace();
        CqlMigrationSettings atOne = CqlMigrationSettings.localDefaults(keyspace).withLocation("test-cql/original")
                .withReplication("{'class': 'SimpleStrategy', 'replication_factor': 3}")
                .withConsistency(DefaultConsistencyLevel.ONE);

        assertThatThrownBy(() -> new CqlMigrations(atOne, CqlMigrationsIT::builder).migrate())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refuse consistency ONE on keyspace " + keyspace)
                .hasMessageContaining("1 of 3 replicas");
        assertThat(session.execute("SELECT version FROM " + keyspace + ".schema_migration").all()).isEmpty();
        assertThat(session.execute("SELECT name FROM " + keyspace + ".schema_migration_lock").all()).isEmpty();
    }

    private static CqlMigrations migrations(String keyspace, String location) {
        CqlMigrationSettings settings = new CqlMigrationSettings(keyspace, CqlMigrationSettings.LOCAL_REPLICATION,
                location, Duration.ofMinutes(1), Duration.ofSeconds(30), DefaultConsistencyLevel.LOCAL_QUORUM);
        return new CqlMigrations(settings, CqlMigrationsIT::builder);
    }

    private static CqlSessionBuilder builder() {
        return CqlSession.builder().addContactPoint(stack.cassandraContactPoint()).withLocalDatacenter(stack.localDatacenter());
    }

    private static String freshKeyspace() {
        return "migration_it_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    private static List<String> tables(String keyspace) {
        return session.execute("SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?", keyspace)
                .all().stream().map(r -> r.getString(0)).toList();
    }

    private static List<String> columns(String keyspace, String table) {
        return session.execute("SELECT column_name FROM system_schema.columns WHERE keyspace_name = ? AND table_name = ?",
                keyspace, table).all().stream().map((Row r) -> r.getString(0)).toList();
    }
}
