package com.storefront.display.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.core.domain.CouponState.CouponStatus;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.OpeningHoursState.Interval;
import com.storefront.display.core.domain.OpeningHoursState.Weekday;
import com.storefront.display.core.domain.OpeningHoursState;
import com.storefront.display.localstack.junit.WithLocalStack;

/** {@code GET /api/shops/{shopId}} against the real Cassandra, written through display-core's projections. */
@WithLocalStack
@ExtendWith(NonBlockingCheck.class)
// every read must see what the test just wrote: the near cache is NearCacheIT's
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "display.api.cache.max-staleness=0")
class ShopEndpointIT {

    @Value("${local.server.port}")
    int port;

    @Autowired
    CqlSession session;

    @Autowired
    SettableClock clock;

    ReadModelFixture model;
    WebTestClient http;

    /** The API's clock: the system's, or the instant a test set. */
    static final class SettableClock extends Clock {

        private volatile Instant fixed;

        void set(Instant instant) {
            fixed = instant;
        }

        @Override
        public Instant instant() {
            Instant at = fixed;
            return at != null ? at : Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the API works in UTC");
        }
    }

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }

    @BeforeEach
    void connect() {
        model = new ReadModelFixture(session);
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void aShopShowsItsHeaderItsRatingAndOnlyTheCouponsActiveAndValidNow() {
        long shop = model.newShopId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        model.shop(shop, "Green Grocer");
        model.review(shop, 4.6, 123);
        model.coupon(shop, 7, "Welcome", CouponStatus.ACTIVE, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        model.coupon(shop, 8, "Ended yesterday", CouponStatus.ACTIVE, now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(1)));
        model.coupon(shop, 9, "Starts tomorrow", CouponStatus.ACTIVE, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)));
        model.coupon(shop, 10, "Withdrawn", CouponStatus.WITHDRAWN, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)));
        model.coupon(shop, 11, "Expired", CouponStatus.EXPIRED, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)));
        model.coupon(shop, 12, "Second", CouponStatus.ACTIVE, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));

        http.get().uri("/api/shops/{id}", shop).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().json("""
                        { "shopId": %d, "name": "Green Grocer", "category": "grocery", "status": "OPEN",
                          "deliveryFee": 3000, "minOrderAmount": 12000,
                          "rating": { "average": 4.6, "count": 123 },
                          "coupons": [ { "couponId": 7, "name": "Welcome", "discountAmount": 2000,
                                         "minOrderAmount": 15000, "validUntil": "%s" },
                                       { "couponId": 12, "name": "Second", "discountAmount": 2000,
                                         "minOrderAmount": 15000, "validUntil": "%s" } ],
                          "openingHours": null, "openNow": null }
                        """.formatted(shop, now.plus(Duration.ofDays(30)), now.plus(Duration.ofHours(1))), JsonCompareMode.STRICT);
    }

    @Test
    void ratingIsNullAndCouponsEmptyUntilThoseDomainsWrote() {
        long shop = model.newShopId();
        model.shop(shop, "No reviews yet");

        http.get().uri("/api/shops/{id}", shop).exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        { "shopId": %d, "name": "No reviews yet", "category": "grocery", "status": "OPEN",
                          "deliveryFee": 3000, "minOrderAmount": 12000, "rating": null, "coupons": [],
                          "openingHours": null, "openNow": null }
                        """.formatted(shop), JsonCompareMode.STRICT);
    }

    @Test
    void openNowFollowsTheShopsTimeZoneItsLateIntervalsAndItsClosedDates() {
        Map<Weekday, List<Interval>> weekly = new EnumMap<>(Weekday.class);
        for (Weekday day : Weekday.values()) {
            weekly.put(day, switch (day) {
                case SAT -> List.of(Interval.of("18:00", "02:00"));
                case SUN -> List.of();
                default -> List.of(Interval.of("09:00", "21:00"));
            });
        }
        long seoul = model.newShopId();
        long berlin = model.newShopId();
        model.shop(seoul, "Seoul");
        model.shop(berlin, "Berlin");
        model.openingHours(seoul, new OpeningHoursState(weekly, "Asia/Seoul", List.of(LocalDate.parse("2026-12-25"))));
        model.openingHours(berlin, new OpeningHoursState(weekly, "Europe/Berlin", List.of()));

        // Wednesday 2026-12-02, 12:00 in Seoul is 04:00 in Berlin
        assertThat(openNowAt("2026-12-02T03:00:00Z", seoul, berlin)).containsExactly(true, false);
        // 21:30 in Seoul, 13:30 in Berlin
        assertThat(openNowAt("2026-12-02T12:30:00Z", seoul, berlin)).containsExactly(false, true);
        // Saturday 23:30 and Sunday 01:30 in Seoul: the Saturday interval crosses midnight; Sunday 02:30 it closed
        assertThat(openNowAt("2026-12-05T14:30:00Z", seoul)).containsExactly(true);
        assertThat(openNowAt("2026-12-05T16:30:00Z", seoul)).containsExactly(true);
        assertThat(openNowAt("2026-12-05T17:30:00Z", seoul)).containsExactly(false);
        // Friday 2026-12-25, noon: closed in Seoul for the date, open in Berlin
        assertThat(openNowAt("2026-12-25T03:00:00Z", seoul)).containsExactly(false);
        assertThat(openNowAt("2026-12-25T11:00:00Z", berlin)).containsExactly(true);

        http.get().uri("/api/shops/{id}", seoul).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openingHours.timeZone").isEqualTo("Asia/Seoul")
                .jsonPath("$.openingHours.weekly.MON[0].open").isEqualTo("09:00")
                .jsonPath("$.openingHours.weekly.SAT[0].close").isEqualTo("02:00")
                .jsonPath("$.openingHours.weekly.SUN").isEmpty()
                .jsonPath("$.openingHours.closedDates[0]").isEqualTo("2026-12-25");

        model.delete(Domain.OPENING_HOURS, seoul, seoul);
        http.get().uri("/api/shops/{id}", seoul).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.openingHours").isEmpty().jsonPath("$.openNow").isEmpty();
    }

    private List<Boolean> openNowAt(String instant, long... shops) {
        clock.set(Instant.parse(instant));
        try {
            List<Boolean> open = new ArrayList<>();
            for (long shop : shops) {
                open.add(http.get().uri("/api/shops/{id}", shop).exchange().expectStatus().isOk()
                        .expectBody(Map.class).returnResult().getResponseBody().get("openNow") == Boolean.TRUE);
            }
            return open;
        } finally {
            clock.set(null);
        }
    }

    @Test
    void anUnknownShopIsA404Problem() {
        long shop = model.newShopId();

        expectProblem(shop, 404, "shop " + shop + " does not exist");
    }

    @Test
    void aDeletedShopIsA404EvenWhileItsCouponsAndRatingRemain() {
        long shop = model.newShopId();
        model.shop(shop, "Closing down");
        model.review(shop, 3.0, 2);
        model.coupon(shop, 1, "Farewell", CouponStatus.ACTIVE, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600));
        http.get().uri("/api/shops/{id}", shop).exchange().expectStatus().isOk();

        model.delete(Domain.SHOP, shop, shop);

        expectProblem(shop, 404, "shop " + shop + " does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-5", "1.5", "99999999999999999999"})
    void anIdThatIsNotAPositiveIntegerIsA400Problem(String id) {
        http.get().uri("/api/shops/" + id).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.title").isEqualTo("Bad Request")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("shopId must be a positive integer"));
    }

    @Test
    void anUnchangedShopIsA304ForItsETagAndAChangedOneIsNot() {
        long shop = model.newShopId();
        model.shop(shop, "Cached");
        String etag = http.get().uri("/api/shops/{id}", shop).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noCache())
                .returnResult(byte[].class).getResponseHeaders().getETag();
        assertThat(etag).startsWith("\"").endsWith("\"").hasSizeGreaterThan(2);

        http.get().uri("/api/shops/{id}", shop).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectBody().isEmpty();

        model.review(shop, 5.0, 1);

        String changed = http.get().uri("/api/shops/{id}", shop).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.rating.count").isEqualTo(1)
                .returnResult().getResponseHeaders().getETag();
        assertThat(changed).isNotEqualTo(etag);
    }

    private void expectProblem(long shop, int status, String detail) {
        http.get().uri("/api/shops/{id}", shop).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.detail").isEqualTo(detail)
                .jsonPath("$.instance").isEqualTo("/api/shops/" + shop);
    }
}
