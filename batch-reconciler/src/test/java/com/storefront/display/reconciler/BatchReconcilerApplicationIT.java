package com.storefront.display.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import com.datastax.oss.driver.api.core.CqlSession;
import com.jayway.jsonpath.JsonPath;
import com.storefront.display.localstack.junit.WithLocalStack;

@WithLocalStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // a fresh file-based H2 per run, as in production but in the build folder
        "display.metadata-dir=./target/it-metadata-${random.uuid}",
        "spring.application.name=batch-reconciler-it"})
class BatchReconcilerApplicationIT {

    @Value("${local.server.port}")
    int port;

    @Autowired
    CqlSession session;

    @Autowired
    javax.sql.DataSource metadata;

    @Test
    void startsOnTheMigratedKeyspaceAndReportsCassandraUp() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();

        assertThat(response.statusCode()).as(body).isEqualTo(200);
        assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("UP");
        assertThat(JsonPath.<String>read(body, "$.components.cassandra.status")).isEqualTo("UP");
        assertThat(JsonPath.<String>read(body, "$.components.db.status")).isEqualTo("UP");
        assertThat(flywayApplied()).containsExactly("1", "2");
        assertThat(session.getKeyspace()).hasValueSatisfying(k -> assertThat(k.asInternal()).isEqualTo("display"));
        List<Integer> versions = session.execute("SELECT version FROM schema_migration").all().stream()
                .map(row -> row.getInt(0)).toList();
        assertThat(versions).contains(1, 2, 3, 4);
    }

    /** Versions of the SQL migrations Flyway applied (Batch, then Quartz). */
    private List<String> flywayApplied() throws java.sql.SQLException {
        List<String> versions = new java.util.ArrayList<>();
        try (var connection = metadata.getConnection();
             var rs = connection.createStatement().executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" "
                     + "WHERE \"type\" = 'SQL' AND \"success\" = TRUE ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }
}
