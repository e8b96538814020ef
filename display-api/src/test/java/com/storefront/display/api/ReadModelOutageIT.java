package com.storefront.display.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.localstack.cassandra.StandaloneCassandra;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Cassandra unavailable: a hung node (SIGSTOP) and a stopped one. Every request gets a 503 problem
 * within the configured timeouts, none hangs, and reads recover by themselves once Cassandra answers.
 * The test runs a Cassandra of its own, because stopping the shared one would break other tests.
 */
@ExtendWith(NonBlockingCheck.class)
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cassandra.request.timeout=1s", "display.api.read-timeout=2s", "display.api.retry-after=3s",
        // every request reaches the read model: what the near cache serves is NearCacheIT's
        "display.api.cache.max-staleness=0"})
class ReadModelOutageIT {

    /** The read timeout plus room for a loaded machine: far below anything a store front would call hung. */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(5);

    static StandaloneCassandra cassandra;

    @Value("${local.server.port}")
    int port;

    @Autowired
    CqlSession session;

    WebTestClient http;
    long shop;

    @DynamicPropertySource
    static void ownCassandra(DynamicPropertyRegistry registry) {
        cassandra = StandaloneCassandra.start("display-api-outage-it");
        cassandra.springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopCassandra() {
        cassandra.close();
    }

    @BeforeEach
    void aShop() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
        ReadModelFixture model = new ReadModelFixture(session);
        shop = model.newShopId();
        model.shop(shop, "Resilient");
        model.products(shop, LongStream.rangeClosed(1, 5));
    }

    @Test
    void aHungCassandraIsA503WithinTheTimeoutAndReadsRecoverWhenItAnswersAgain() {
        assertThat(get("/api/shops/" + shop).getStatus().value()).isEqualTo(200);

        cassandra.freeze();
        try {
            expectEveryRequestUnavailable();
        } finally {
            cassandra.thaw();
        }

        awaitRecovered();
    }

    @Test
    void aStoppedCassandraIsA503WithinTheTimeoutAndReadsRecoverWhenItIsBack() {
        assertThat(get("/api/shops/" + shop + "/products").getStatus().value()).isEqualTo(200);

        cassandra.stop();
        try {
            expectEveryRequestUnavailable();
        } finally {
            cassandra.startAgain();
        }

        awaitRecovered();
    }

    /** 16 concurrent requests over the three endpoints, each answered 503 with a problem and Retry-After. */
    private void expectEveryRequestUnavailable() {
        List<String> paths = List.of("/api/shops/" + shop, "/api/shops/" + shop + "/products",
                "/api/shops/" + shop + "/products/1");
        long start = System.nanoTime();
        List<EntityExchangeResult<String>> results = Flux.fromStream(IntStream.range(0, 16).boxed())
                .flatMap(i -> Mono.fromCallable(() -> get(paths.get(i % paths.size())))
                        .subscribeOn(Schedulers.boundedElastic()), 16)
                .collectList().block(Duration.ofSeconds(60));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(elapsed).as("all 16 answered").isLessThan(ANSWERED_WITHIN);
        assertThat(results).hasSize(16).allSatisfy(result -> {
            assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(503);
            assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
            assertThat(result.getResponseBody()).contains("\"status\":503", "the read model did not answer in time");
        });
    }

    private void awaitRecovered() {
        Awaitility.await("display-api answers again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> get("/api/shops/" + shop).getStatus().value() == 200);
        assertThat(get("/api/shops/" + shop).getStatus().value()).as("shop read after recovery").isEqualTo(200);
        assertThat(get("/api/shops/" + shop + "/products").getStatus().value()).as("products read after recovery").isEqualTo(200);
    }

    private EntityExchangeResult<String> get(String path) {
        return http.get().uri(path).exchange().expectBody(String.class).returnResult();
    }
}
