package com.storefront.display.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.datastax.oss.driver.api.core.CqlSession;
import com.jayway.jsonpath.JsonPath;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.ProductState.DisplayStatus;
import com.storefront.display.localstack.junit.WithLocalStack;

/** The product endpoints against the real Cassandra: filtering rules, effective price, paging, problems. */
@WithLocalStack
@ExtendWith(NonBlockingCheck.class)
// every read must see what the test just wrote: the near cache is NearCacheIT's
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "display.api.cache.max-staleness=0")
class ProductEndpointIT {

    @Value("${local.server.port}")
    int port;

    @Autowired
    CqlSession session;

    ReadModelFixture model;
    WebTestClient http;

    @BeforeEach
    void connect() {
        model = new ReadModelFixture(session);
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void onlyDisplayableProductsAreListedWithEffectivePriceStockAndSoldOut() {
        long shop = model.newShopId();
        model.shop(shop, "Dairy");
        model.product(shop, 1, "Plain", 1000, DisplayStatus.ON_SALE);
        model.product(shop, 2, "Discounted, in stock", 3200, DisplayStatus.ON_SALE);
        model.price(shop, 2, 2880, 10);
        model.stock(shop, 2, 31);
        model.product(shop, 3, "Out of stock", 500, DisplayStatus.ON_SALE);
        model.stock(shop, 3, 0);
        model.product(shop, 4, "Marked sold out", 700, DisplayStatus.SOLD_OUT);
        model.stock(shop, 4, 5);
        model.product(shop, 5, "Hidden", 900, DisplayStatus.HIDDEN);
        model.product(shop, 6, "Deleted", 900, DisplayStatus.ON_SALE);
        model.delete(Domain.PRODUCT, shop, 6);
        model.stock(shop, 7, 12);
        model.price(shop, 8, 100, 50);

        http.get().uri("/api/shops/{id}/products", shop).exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        { "items": [
                            { "productId": 1, "name": "Plain", "category": "dairy", "imageUrl": "https://img.example/1.jpg",
                              "basePrice": 1000, "price": 1000, "discountRate": null, "stock": null, "soldOut": false },
                            { "productId": 2, "name": "Discounted, in stock", "category": "dairy", "imageUrl": "https://img.example/2.jpg",
                              "basePrice": 3200, "price": 2880, "discountRate": 10, "stock": 31, "soldOut": false },
                            { "productId": 3, "name": "Out of stock", "category": "dairy", "imageUrl": "https://img.example/3.jpg",
                              "basePrice": 500, "price": 500, "discountRate": null, "stock": 0, "soldOut": true },
                            { "productId": 4, "name": "Marked sold out", "category": "dairy", "imageUrl": "https://img.example/4.jpg",
                              "basePrice": 700, "price": 700, "discountRate": null, "stock": 5, "soldOut": true } ],
                          "nextCursor": null }
                        """, JsonCompareMode.STRICT);
    }

    @Test
    void oneProductIsShownOnlyWhileDisplayable() {
        long shop = model.newShopId();
        model.shop(shop, "Dairy");
        model.product(shop, 1, "Oat milk 1L", 3200, DisplayStatus.ON_SALE);
        model.price(shop, 1, 2880, 10);
        model.product(shop, 2, "Hidden", 900, DisplayStatus.HIDDEN);
        model.stock(shop, 3, 4);

        http.get().uri("/api/shops/{id}/products/1", shop).exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        { "productId": 1, "name": "Oat milk 1L", "category": "dairy", "imageUrl": "https://img.example/1.jpg",
                          "basePrice": 3200, "price": 2880, "discountRate": 10, "stock": null, "soldOut": false }
                        """, JsonCompareMode.STRICT);
        for (long notDisplayed : new long[] {2, 3, 4}) {
            expectProblem("/api/shops/" + shop + "/products/" + notDisplayed, 404,
                    "product " + notDisplayed + " of shop " + shop + " is not displayed");
        }
    }

    @Test
    void theProductsOfAnUnknownOrDeletedShopAreA404() {
        long unknown = model.newShopId();
        long deleted = model.newShopId();
        model.shop(deleted, "Gone");
        model.product(deleted, 1, "Left behind", 100, DisplayStatus.ON_SALE);
        model.delete(Domain.SHOP, deleted, deleted);

        for (long shop : new long[] {unknown, deleted}) {
            expectProblem("/api/shops/" + shop + "/products", 404, "shop " + shop + " does not exist");
            expectProblem("/api/shops/" + shop + "/products/1", 404, "shop " + shop + " does not exist");
        }
    }

    @Test
    void pagesFollowTheCursorSkipHiddenProductsAndEndWithANullCursor() {
        long shop = model.newShopId();
        model.shop(shop, "Paged");
        for (long id = 1; id <= 9; id++) {
            model.product(shop, id, "p" + id, 100, id % 2 == 0 ? DisplayStatus.HIDDEN : DisplayStatus.ON_SALE);
        }

        List<List<Integer>> pages = new ArrayList<>();
        String cursor = null;
        do {
            String body = page(shop, 2, cursor);
            pages.add(JsonPath.read(body, "$.items[*].productId"));
            cursor = JsonPath.read(body, "$.nextCursor");
        } while (cursor != null);

        assertThat(pages).containsExactly(List.of(1, 3), List.of(5, 7), List.of(9));
    }

    @Test
    void sizeDefaultsToTwentyAndAFullLastPageHasNoNextCursor() {
        long shop = model.newShopId();
        model.shop(shop, "Twenty");
        model.products(shop, LongStream.rangeClosed(1, 20));

        String body = page(shop, null, null);

        assertThat(JsonPath.<List<Integer>>read(body, "$.items[*].productId")).hasSize(20);
        assertThat(JsonPath.<Object>read(body, "$.nextCursor")).isNull();
    }

    @Test
    void aPageOfALargeShopCostsOneReadOfItsPartitionEvenWithHiddenProducts() {
        long shop = model.newShopId();
        model.shop(shop, "Large");
        model.products(shop, LongStream.rangeClosed(1, 200));
        model.product(shop, 3, "Hidden", 100, DisplayStatus.HIDDEN);
        model.product(shop, 7, "Hidden", 100, DisplayStatus.HIDDEN);
        page(shop, 20, null);
        long before = coordinatorReads("shop_product");

        String body = page(shop, 20, null);

        assertThat(JsonPath.<List<Integer>>read(body, "$.items[*].productId")).hasSize(20).doesNotContain(3, 7);
        assertThat(coordinatorReads("shop_product") - before).as("Cassandra reads of shop_product for one page").isEqualTo(1);
    }

    /** Cassandra's own count of reads it coordinated for a table of the test keyspace. */
    private long coordinatorReads(String table) {
        return session.execute("SELECT count FROM system_views.coordinator_read_latency WHERE keyspace_name = ? AND table_name = ?",
                session.getKeyspace().orElseThrow().asInternal(), table).one().getLong(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"size=0", "size=101", "size=-1", "size=abc", "size=", "cursor=not-a-cursor", "cursor=",
            "cursor=AQAAAAAAAAAA", "cursor=AgAAAAAAAAAB", "cursor=%25%25%25"})
    void aBadSizeOrCursorIsA400Problem(String query) {
        long shop = model.newShopId();
        model.shop(shop, "Strict");

        String detail = http.get().uri("/api/shops/" + shop + "/products?" + query).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody().get("detail").toString();

        assertThat(detail).startsWith(query.substring(0, query.indexOf('=')));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/shops/0/products", "/api/shops/x/products", "/api/shops/1/products/0",
            "/api/shops/1/products/-3", "/api/shops/1/products/seven"})
    void anIdThatIsNotAPositiveIntegerIsA400Problem(String path) {
        http.get().uri(path).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("must be a positive integer"));
    }

    String page(long shop, Integer size, String cursor) {
        return http.get().uri(builder -> builder.path("/api/shops/{id}/products")
                        .queryParamIfPresent("size", Optional.ofNullable(size))
                        .queryParamIfPresent("cursor", Optional.ofNullable(cursor))
                        .build(shop))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private void expectProblem(String path, int status, String detail) {
        http.get().uri(path).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.detail").isEqualTo(detail);
    }
}
