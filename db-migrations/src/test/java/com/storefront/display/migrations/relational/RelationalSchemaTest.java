package com.storefront.display.migrations.relational;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spring Batch and Quartz metadata schema on the default embedded, file-based H2. */
class RelationalSchemaTest {

    @Test
    void batchAndQuartzTablesAreCreatedOnceOnFileBasedH2(@TempDir Path dir) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("metadata") + ";AUTO_SERVER=FALSE";
        Flyway flyway = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/h2").load();

        MigrateResult first = flyway.migrate();
        MigrateResult second = flyway.migrate();

        assertThat(first.migrationsExecuted).isEqualTo(2);
        assertThat(second.migrationsExecuted).isZero();
        assertThat(tables(url)).contains("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION", "BATCH_STEP_EXECUTION_CONTEXT",
                "QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_LOCKS", "QRTZ_SCHEDULER_STATE");
    }

    private static List<String> tables(String url) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = connection.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }
}
