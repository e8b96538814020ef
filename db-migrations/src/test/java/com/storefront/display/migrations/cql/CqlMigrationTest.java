package com.storefront.display.migrations.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CqlMigrationTest {

    @Test
    void versionAndNameComeFromTheFileName() {
        CqlMigration migration = CqlMigration.of("V012__add_things.cql", "CREATE TABLE t (id int PRIMARY KEY);\n");

        assertThat(migration.version()).isEqualTo(12);
        assertThat(migration.name()).isEqualTo("V012__add_things.cql");
    }

    @Test
    void aFileNotNamedAsAMigrationIsRefused() {
        assertThatThrownBy(() -> CqlMigration.of("add_things.cql", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'add_things.cql' is not named V<version>__<description>.cql");
    }

    @Test
    void statementsAreSplitAtLineEndingSemicolonsWithoutComments() {
        CqlMigration migration = CqlMigration.of("V1__two.cql", """
                -- first table
                CREATE TABLE a (
                    id int PRIMARY KEY
                );
                // second
                CREATE TABLE b (id int PRIMARY KEY) WITH comment = 'b';
                """);

        assertThat(migration.statements()).containsExactly(
                "CREATE TABLE a (\nid int PRIMARY KEY\n)",
                "CREATE TABLE b (id int PRIMARY KEY) WITH comment = 'b'");
    }

    @Test
    void theChecksumIgnoresLineEndingsButNotContent() {
        CqlMigration unix = CqlMigration.of("V1__a.cql", "CREATE TABLE a (id int PRIMARY KEY);\n");
        CqlMigration windows = CqlMigration.of("V1__a.cql", "CREATE TABLE a (id int PRIMARY KEY);\r\n");
        CqlMigration edited = CqlMigration.of("V1__a.cql", "CREATE TABLE a (id bigint PRIMARY KEY);\n");

        assertThat(windows.checksum()).isEqualTo(unix.checksum());
        assertThat(edited.checksum()).isNotEqualTo(unix.checksum()).hasSize(64);
    }

    @Test
    void theShippedScriptsLoadInVersionOrder() {
        List<CqlMigration> scripts = CqlMigrationScripts.load("db/cql");

        assertThat(scripts).extracting(CqlMigration::name)
                .containsExactly("V001__display_tables.cql", "V002__platform_tables.cql", "V003__failure_index_retryable.cql",
                        "V004__redrive_claim.cql", "V005__opening_hours.cql", "V006__sync_mark.cql", "V007__shop_directory.cql",
                        "V008__tombstone_table_options.cql");
        assertThat(scripts.get(0).statements()).hasSize(2)
                .allSatisfy(statement -> assertThat(statement).startsWith("CREATE TABLE IF NOT EXISTS"));
        assertThat(scripts.get(1).statements()).hasSize(4);
        assertThat(scripts.get(2).statements()).containsExactly(
                "ALTER TABLE ingest_failure_by_topic ADD IF NOT EXISTS retryable boolean");
        assertThat(scripts.get(4).statements()).containsExactly(
                "ALTER TABLE shop ADD IF NOT EXISTS opening_hours text static");
    }

    @Test
    void twoScriptsWithOneVersionAreRefused() {
        assertThatThrownBy(() -> CqlMigrationScripts.load("test-cql/duplicate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("share version 1: [V001__a.cql, V1__b.cql]");
    }
}
