package com.storefront.display.simulator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainJson;
import com.storefront.display.core.source.ChangePage;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourcePage;
import com.storefront.display.core.source.SourceTombstone;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.simulator.Simulator;
import com.storefront.display.simulator.fault.Faults;

import tools.jackson.databind.JsonNode;

@WithLocalStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "display.simulator.stream-on-start=false", "display.simulator.catalogue.shops=150",
        "display.simulator.catalogue.products=15000"})
class SourceApiIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    Simulator simulator;

    @AfterEach
    void noFaults() {
        simulator.faults().set(Faults.NONE);
    }

    @Test
    void aFullExportOverHttpReturnsEveryProductOnceInOrder() throws Exception {
        List<Long> ids = new ArrayList<>();
        String after = "0";
        while (after != null) {
            HttpResponse<byte[]> response = getBytes("/source/products?after=" + after + "&limit=700");
            assertThat(response.statusCode()).isEqualTo(200);
            SourcePage page = SourcePage.fromJson(Domain.PRODUCT, response.body());
            page.items().forEach(item -> ids.add(item.id()));
            after = page.next() == null ? null : page.next().toString();
        }

        // other tests of this (shared, cached) context may have created products: compare with the truth
        List<Long> truth = new ArrayList<>();
        SourcePage page;
        long from = 0;
        do {
            page = simulator.truth().export(Domain.PRODUCT, from, 5_000);
            page.items().forEach(item -> truth.add(item.id()));
            from = page.next() == null ? 0 : page.next();
        } while (page.next() != null);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(15_000).isSorted().doesNotHaveDuplicates().isEqualTo(truth);
    }

    @Test
    void anItemIsServedByIdAndIsA404OnceDeleted() throws Exception {
        long coupon = simulator.truth().listShop(Domain.COUPON, firstShopWithCoupons()).get(0).id();
        HttpResponse<byte[]> found = getBytes("/source/coupons/" + coupon);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(SourceItem.fromJson(Domain.COUPON, DomainJson.MAPPER.readTree(found.body())))
                .isEqualTo(simulator.truth().find(Domain.COUPON, coupon).orElseThrow());

        simulator.truth().delete(Domain.COUPON, coupon);

        HttpResponse<String> gone = get("/source/coupons/" + coupon);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void thePerShopListingHasTheShopsItems() throws Exception {
        HttpResponse<byte[]> response = getBytes("/source/stock?shopId=3");

        SourcePage page = SourcePage.fromJson(Domain.STOCK, response.body());
        assertThat(page.items()).isEqualTo(simulator.truth().listShop(Domain.STOCK, 3)).isNotEmpty()
                .allSatisfy(item -> assertThat(item.shopId()).isEqualTo(3));
        assertThat(page.next()).isNull();
    }

    @Test
    void badRequestsAre400ProblemsThatSayWhatIsWrong() throws Exception {
        assertProblem(get("/source/products?limit=0"), 400, "limit must be 1..10000, was 0");
        assertProblem(get("/source/products?after=-5"), 400, "after must not be negative, was -5");
        assertProblem(get("/source/products?after=1&shopId=2"), 400, "use either shopId");
        assertThat(get("/source/products/abc").statusCode()).isEqualTo(400);
        assertProblem(get("/source/widgets/1"), 404, "unknown domain 'widgets'");
        assertProblem(post("/control/faults", "{\"events\": {\"dropPercent\": 150}}"), 400, "dropPercent must be 0..100");
        assertProblem(post("/control/faults", "{\"events\": {\"dropRate\": 1}}"), 400, "unknown setting 'events.dropRate'");
    }

    @Test
    void theIncrementalExportListsChangesByVersionWithTombstonesAndIsA410BeforeWhatItKeeps() throws Exception {
        long since = simulator.truth().upsert(Domain.OPENING_HOURS, 1).version();
        SourceItem updated = simulator.truth().upsert(Domain.OPENING_HOURS, 2).item();
        long deleted = simulator.truth().delete(Domain.OPENING_HOURS, 3).version();

        HttpResponse<byte[]> response = getBytes("/source/opening-hours?changedSince=" + since + "&limit=1");
        assertThat(response.statusCode()).isEqualTo(200);
        ChangePage first = ChangePage.fromJson(Domain.OPENING_HOURS, response.body());
        assertThat(first.items()).containsExactly(updated);
        assertThat(first.next()).isEqualTo(updated.version());
        HttpResponse<String> rest = get("/source/opening-hours?changedSince=" + first.next() + "&limit=1000");
        JsonNode tombstone = DomainJson.MAPPER.readTree(rest.body()).get("items").get(0);
        assertThat(tombstone.propertyNames()).containsExactly("id", "shopId", "deleted", "version");
        assertThat(ChangePage.fromJson(Domain.OPENING_HOURS, rest.body().getBytes(StandardCharsets.UTF_8)).items().get(0))
                .isEqualTo(new SourceTombstone(Domain.OPENING_HOURS, 3, 3, deleted));
        assertThat(DomainJson.MAPPER.readTree(rest.body()).get("next").isNull()).isTrue();

        long created = simulator.truth().createdVersion();
        assertProblem(get("/source/opening-hours?changedSince=" + (created - 1) + "&limit=10"), 410, "run a bulk load");
        assertProblem(get("/source/opening-hours?changedSince=" + created + "&shopId=1"), 400, "use changedSince (incremental export) alone");
        assertProblem(get("/source/opening-hours?changedSince=" + created + "&limit=0"), 400, "limit must be 1..10000, was 0");
    }

    @Test
    void anOutageAnswers503UntilItIsSwitchedOff() throws Exception {
        HttpResponse<String> on = post("/control/faults", "{\"sourceApi\": {\"outage\": true}}");
        assertThat(on.statusCode()).isEqualTo(200);

        assertProblem(get("/source/shops/1"), 503, "source outage (simulated)");

        post("/control/faults", "{\"sourceApi\": {\"outage\": false}}");
        assertThat(get("/source/shops/1").statusCode()).isEqualTo(200);
        assertThat(simulator.stats().snapshot().apiOutageRejections()).isEqualTo(1);
    }

    @Test
    void theErrorRateFailsThatShareOfRequestsAndCountsThem() throws Exception {
        post("/control/faults", "{\"sourceApi\": {\"errorPercent\": 50}}");
        long before = simulator.stats().snapshot().apiErrors();

        int failed = 0;
        for (int i = 0; i < 400; i++) {
            if (get("/source/shops/" + (i % 150 + 1)).statusCode() == 503) {
                failed++;
            }
        }

        assertThat(failed).isBetween(140, 260);
        assertThat(simulator.stats().snapshot().apiErrors() - before).isEqualTo(failed);
    }

    @Test
    void addedLatencySlowsEveryRequest() throws Exception {
        post("/control/faults", "{\"sourceApi\": {\"latencyMillis\": 150}}");

        long start = System.nanoTime();
        assertThat(get("/source/shops/1").statusCode()).isEqualTo(200);

        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
        JsonNode faults = DomainJson.MAPPER.readTree(get("/control/faults").body());
        assertThat(faults.get("sourceApi").get("latencyMillis").longValue()).isEqualTo(150);
        assertThat(faults.get("events").get("dropPercent").doubleValue()).isZero();
    }

    @Test
    void theStreamIsSteeredByPartialUpdatesAndStartsAndStops() throws Exception {
        HttpResponse<String> changed = post("/control/producer", "{\"ratePerSecond\": 500, \"mix\": {\"stock\": 90}}");
        JsonNode settings = DomainJson.MAPPER.readTree(changed.body()).get("settings");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(settings.get("ratePerSecond").intValue()).isEqualTo(500);
        assertThat(settings.get("mix").get("stock").intValue()).isEqualTo(90);
        assertThat(settings.get("mix").get("shop").intValue()).isEqualTo(2);
        assertProblem(post("/control/producer", "{\"ratePerSecond\": -1}"), 400, "ratePerSecond must not be negative");

        long before = simulator.stats().snapshot().changes();
        assertThat(DomainJson.MAPPER.readTree(post("/control/producer/start", "").body()).get("streaming").booleanValue()).isTrue();
        long streamed = Awaitility.await("the producer streams changes").atMost(Duration.ofSeconds(20))
                .until(() -> simulator.stats().snapshot().changes(), changes -> changes > before);
        assertThat(DomainJson.MAPPER.readTree(post("/control/producer/stop", "").body()).get("streaming").booleanValue()).isFalse();
        assertThat(streamed).isGreaterThan(before);
    }

    @Test
    void theTruthOfAShopHoldsEveryDomain() throws Exception {
        JsonNode truth = DomainJson.MAPPER.readTree(get("/truth/shops/3").body());

        assertThat(truth.get("shopId").longValue()).isEqualTo(3);
        assertThat(truth.get("shop").get("name").stringValue()).isNotBlank();
        assertThat(truth.get("products").size()).isEqualTo(simulator.truth().listShop(Domain.PRODUCT, 3).size());
        assertThat(truth.get("stock").size()).isEqualTo(truth.get("products").size());
    }

    private long firstShopWithCoupons() {
        for (long shop = 1; ; shop++) {
            if (!simulator.truth().listShop(Domain.COUPON, shop).isEmpty()) {
                return shop;
            }
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(DomainJson.MAPPER.readTree(response.body()).get("detail").stringValue()).contains(detail);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
