package com.storefront.display.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.datastax.oss.driver.api.core.CqlSession;
import com.jayway.jsonpath.JsonPath;
import com.storefront.display.api.cassandra.ReadModelQueries;
import com.storefront.display.localstack.junit.WithLocalStack;

import reactor.core.publisher.Mono;

/** The app as operators see it: migrations, health, request metrics, and the non-blocking guarantee. */
@WithLocalStack
@ExtendWith(NonBlockingCheck.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisplayApiApplicationIT {

    @Value("${local.server.port}")
    int port;

    @Autowired
    CqlSession session;

    WebTestClient http;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void startsOnTheMigratedKeyspaceAndReportsCassandraUp() {
        String body = http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("UP");
        assertThat(JsonPath.<String>read(body, "$.components.cassandra.status")).isEqualTo("UP");
        assertThat(session.getKeyspace()).hasValueSatisfying(k -> assertThat(k.asInternal()).isEqualTo("display"));
        List<Integer> versions = session.execute("SELECT version FROM schema_migration").all().stream()
                .map(row -> row.getInt(0)).toList();
        assertThat(versions).contains(1, 2, 3, 4);
    }

    @Test
    void requestLatencyIsPublishedWithPercentilesPerEndpoint() {
        ReadModelFixture model = new ReadModelFixture(session);
        long shop = model.newShopId();
        model.shop(shop, "Measured");
        for (int i = 0; i < 20; i++) {
            http.get().uri("/api/shops/{id}", shop).exchange().expectStatus().isOk();
        }

        String prometheus = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        List<String> shopLines = prometheus.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds") && line.contains("uri=\"/api/shops/{shopId}\""))
                .toList();
        assertThat(shopLines).anySatisfy(line -> assertThat(line).contains("quantile=\"0.99\""))
                .anySatisfy(line -> assertThat(line).contains("quantile=\"0.5\""))
                .anySatisfy(line -> assertThat(line).startsWith("http_server_requests_seconds_count").endsWith(" 20"));
    }

    @Test
    void aBlockingCallOnAnEventLoopOrADriverThreadFailsTheRequest() {
        try {
            http.get().uri("/test/block-on-event-loop").exchange().expectStatus().is5xxServerError();
            http.get().uri("/test/block-on-driver-thread").exchange().expectStatus().is5xxServerError();
            http.get().uri("/test/no-blocking").exchange().expectStatus().isOk();
        } finally {
            NonBlockingCheck.forget("sleep");
        }
    }

    /** Endpoints that exist only in this test, to show that BlockHound watches the threads requests run on. */
    @TestConfiguration
    static class BlockingEndpoints {

        @Bean
        BlockingController blockingController(ReadModelQueries queries) {
            return new BlockingController(queries);
        }
    }

    @RestController
    static class BlockingController {

        private final ReadModelQueries queries;

        BlockingController(ReadModelQueries queries) {
            this.queries = queries;
        }

        @GetMapping("/test/block-on-event-loop")
        String blockOnEventLoop() throws InterruptedException {
            Thread.sleep(1);
            return "blocked";
        }

        @GetMapping("/test/block-on-driver-thread")
        Mono<String> blockOnDriverThread() {
            return queries.query("SELECT release_version FROM system.local", 1, row -> {
                sleep();
                return row.getString(0);
            }).next();
        }

        @GetMapping("/test/no-blocking")
        Mono<String> noBlocking() {
            return queries.query("SELECT release_version FROM system.local", 1, row -> row.getString(0)).next();
        }

        private static void sleep() {
            try {
                Thread.sleep(Duration.ofMillis(1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
