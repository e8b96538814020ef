package com.storefront.display.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.datastax.oss.driver.api.core.CqlSession;
import com.jayway.jsonpath.JsonPath;
import com.storefront.display.core.domain.ProductState.DisplayStatus;
import com.storefront.display.localstack.junit.WithLocalStack;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The near cache on the real read model: a hot shop's response and first product page are served from
 * memory within {@code display.api.cache.max-staleness} of their read (here 3 s, so that two requests
 * on a loaded machine fall within it), ETags keep working on kept responses, and a change shows once the
 * bound has passed. That no response is ever older than the bound is NearCacheTest's, on a fake clock.
 */
@WithLocalStack
@ExtendWith(NonBlockingCheck.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "display.api.cache.max-staleness=3s")
class NearCacheIT {

    private static final Duration BOUND = Duration.ofSeconds(3);

    @Value("${local.server.port}")
    int port;

    @Autowired
    CqlSession session;

    @Autowired
    MeterRegistry meters;

    ReadModelFixture model;
    WebTestClient http;

    @BeforeEach
    void connect() {
        model = new ReadModelFixture(session);
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void aHotShopIsServedFromMemoryWithinTheBoundWithItsETagAndItsChangeShowsOnceTheBoundHasPassed() {
        long shop = model.newShopId();
        model.shop(shop, "Before");
        long started = System.nanoTime();
        String etag = http.get().uri("/api/shops/{id}", shop).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Before")
                .returnResult().getResponseHeaders().getETag();
        double hitsBefore = hits("display.api.shops");

        model.shop(shop, "After");
        http.get().uri("/api/shops/{id}", shop).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Before");
        http.get().uri("/api/shops/{id}", shop).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified().expectHeader().valueEquals(HttpHeaders.ETAG, etag);
        long kept = System.nanoTime();
        assertThat(Duration.ofNanos(kept - started)).as("the three requests fell within the bound").isLessThan(BOUND);
        assertThat(hits("display.api.shops") - hitsBefore).as("served from memory").isEqualTo(2.0);

        Awaitility.await("the change, once the kept response is older than the bound").atMost(BOUND.plusSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> name(shop), "After"::equals);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("never before the bound had passed")
                .isGreaterThanOrEqualTo(BOUND);
    }

    @Test
    void aFirstProductPageIsKeptPerPageSizeAndLaterPagesAreReadEveryTime() {
        long shop = model.newShopId();
        model.shop(shop, "Products");
        model.product(shop, 2, "second", 1000, DisplayStatus.ON_SALE);
        model.product(shop, 3, "third", 1000, DisplayStatus.ON_SALE);
        long started = System.nanoTime();
        String first = page(shop, "/api/shops/{id}/products?size=1");
        assertThat(JsonPath.<Integer>read(first, "$.items[0].productId")).isEqualTo(2);
        String cursor = JsonPath.read(first, "$.nextCursor");
        assertThat(JsonPath.<Integer>read(page(shop, "/api/shops/{id}/products?size=5&cursor=" + cursor), "$.items.length()"))
                .isEqualTo(1);

        model.product(shop, 1, "first", 1000, DisplayStatus.ON_SALE);
        model.product(shop, 4, "fourth", 1000, DisplayStatus.ON_SALE);
        assertThat(JsonPath.<Integer>read(page(shop, "/api/shops/{id}/products?size=1"), "$.items[0].productId"))
                .as("the kept first page").isEqualTo(2);
        assertThat(JsonPath.<Integer>read(page(shop, "/api/shops/{id}/products?size=5"), "$.items.length()"))
                .as("another page size is another entry, read now").isEqualTo(4);
        assertThat(JsonPath.<Integer>read(page(shop, "/api/shops/{id}/products?size=5&cursor=" + cursor), "$.items.length()"))
                .as("a page after a cursor is read every time").isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the requests fell within the bound").isLessThan(BOUND);
    }

    private String page(long shop, String uri) {
        return new String(http.get().uri(uri, shop).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody(),
                StandardCharsets.UTF_8);
    }

    private String name(long shop) {
        return JsonPath.read(new String(http.get().uri("/api/shops/{id}", shop).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8), "$.name");
    }

    private double hits(String cache) {
        return meters.get("cache.gets").tag("cache", cache).tag("result", "hit").functionCounter().count();
    }
}
