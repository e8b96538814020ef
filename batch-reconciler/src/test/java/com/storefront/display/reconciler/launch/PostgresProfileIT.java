package com.storefront.display.reconciler.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.jayway.jsonpath.JsonPath;
import com.storefront.display.localstack.LocalStackSettings;
import com.storefront.display.localstack.junit.WithLocalPostgres;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.localstack.postgres.PostgresServer;

/** The production metadata profile: Batch job repository and clustered Quartz on a real PostgreSQL. */
@WithLocalStack
@WithLocalPostgres
@ActiveProfiles("postgresql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "display.reconciler.ops.username=operator", "display.reconciler.ops.password=s3cret-for-the-test"})
class PostgresProfileIT {

    private static final String DATABASE = "reconciler_it_" + Long.toHexString(System.nanoTime());

    @Value("${local.server.port}")
    int port;

    @Autowired
    DataSource metadata;

    @DynamicPropertySource
    static void metadataDatabase(DynamicPropertyRegistry registry) {
        PostgresServer postgres = new PostgresServer(LocalStackSettings.fromEnvironment());
        postgres.createDatabase(DATABASE);
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl(DATABASE));
        registry.add("spring.datasource.username", () -> PostgresServer.USER);
    }

    @Test
    void startsOnPostgresWithTheSchemaMigratedAndQuartzCheckedIntoTheCluster() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        JdbcTemplate jdbc = new JdbcTemplate(metadata);

        assertThat(JsonPath.<String>read(response.body(), "$.status")).as(response.body()).isEqualTo("UP");
        assertThat(JsonPath.<String>read(response.body(), "$.components.db.details.database")).isEqualTo("PostgreSQL");
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE type = 'SQL' AND success "
                + "ORDER BY installed_rank", String.class)).containsExactly("1", "2");
        assertThat(clusterCheckIns(jdbc)).isPositive();
    }

    /** A clustered Quartz scheduler checks in to QRTZ_SCHEDULER_STATE when it starts. */
    private static int clusterCheckIns(JdbcTemplate jdbc) {
        return Awaitility.await("a scheduler checks in").atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM qrtz_scheduler_state", Integer.class), count -> count > 0);
    }
}
