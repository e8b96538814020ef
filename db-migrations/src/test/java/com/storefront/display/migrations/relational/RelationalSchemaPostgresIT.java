package com.storefront.display.migrations.relational;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import com.storefront.display.localstack.junit.WithLocalPostgres;
import com.storefront.display.localstack.postgres.PostgresServer;

/** The Spring Batch and Quartz metadata schema on a real PostgreSQL, as the production profile uses it. */
@WithLocalPostgres
class RelationalSchemaPostgresIT {

    @Test
    void batchAndQuartzTablesAreCreatedOnceOnPostgres(PostgresServer postgres) throws SQLException {
        String database = "schema_it_" + Long.toHexString(System.nanoTime());
        postgres.createDatabase(database);
        String url = postgres.jdbcUrl(database);
        Flyway flyway = Flyway.configure().dataSource(url, PostgresServer.USER, "")
                .locations("classpath:db/migration/postgresql").load();

        MigrateResult first = flyway.migrate();
        MigrateResult second = flyway.migrate();

        assertThat(first.migrationsExecuted).isEqualTo(2);
        assertThat(second.migrationsExecuted).isZero();
        assertThat(tables(url)).contains("batch_job_instance", "batch_job_execution", "batch_step_execution_context",
                "qrtz_job_details", "qrtz_triggers", "qrtz_cron_triggers", "qrtz_locks", "qrtz_scheduler_state");
    }

    private static List<String> tables(String url) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, "");
             ResultSet rs = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }
}
