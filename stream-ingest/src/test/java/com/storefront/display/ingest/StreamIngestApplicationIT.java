package com.storefront.display.ingest;

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

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.jayway.jsonpath.JsonPath;
import com.storefront.display.localstack.junit.WithLocalStack;

@WithLocalStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=stream-ingest-it", "spring.kafka.listener.auto-startup=false"})
class StreamIngestApplicationIT {

    @Value("${local.server.port}")
    int port;

    @Autowired
    CqlSession session;

    @Test
    void startsOnTheMigratedKeyspaceAndReportsCassandraUp() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();

        assertThat(response.statusCode()).as(body).isEqualTo(200);
        assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("UP");
        assertThat(JsonPath.<String>read(body, "$.components.cassandra.status")).isEqualTo("UP");
        assertThat(session.getKeyspace()).hasValueSatisfying(k -> assertThat(k.asInternal()).isEqualTo("display"));
        List<Integer> versions = session.execute("SELECT version FROM schema_migration").all().stream()
                .map(row -> row.getInt(0)).toList();
        assertThat(versions).contains(1, 2, 3, 4);
    }

    @Test
    void itsSessionKnowsTheSchemaOfItsOwnKeyspaceOnlyAndClosesWithoutWaiting() {
        // the shared stack holds the keyspaces of every other test run: none of them is loaded or refreshed here
        assertThat(session.getMetadata().getKeyspaces().keySet()).extracting(CqlIdentifier::asInternal).containsExactly("display");
        DriverExecutionProfile config = session.getContext().getConfig().getDefaultProfile();
        assertThat(config.getInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD)).isZero();
        assertThat(config.getInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD)).isZero();
    }

    @Test
    void exposesItsMetricsForPrometheus() throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(metrics).contains("display_ingest_freshness_seconds", "display_ingest_delivery_seconds",
                "display_ingest_write_latency_seconds", "display_ingest_coalesced_total", "resilience4j_circuitbreaker_state");
    }
}
