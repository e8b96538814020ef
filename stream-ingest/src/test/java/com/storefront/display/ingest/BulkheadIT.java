package com.storefront.display.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.failure.FailureStatus;
import com.storefront.display.core.failure.FailureStore;
import com.storefront.display.core.failure.IngestFailure;
import com.storefront.display.core.source.HttpSourceApi;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.simulator.Simulator;
import com.storefront.display.simulator.fault.Faults;
import com.storefront.display.simulator.fault.SourceApiFaults;
import com.storefront.display.simulator.producer.DomainMix;
import com.storefront.display.simulator.producer.ProducerSettings;
import com.storefront.display.testkit.cassandra.TestKeyspace;
import com.storefront.display.testkit.truth.ReadModelOracle;
import com.storefront.display.testkit.truth.TruthWrites;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

/**
 * The bulkhead: the product source answers in 2 s and fails half the time while product (thin), stock
 * and price events stream. The product circuit opens and product events are deferred, while stock and
 * price, each in its own listener container, stay fresh: p99 under a second from Kafka to Cassandra
 * (per-domain freshness counts from the record's Kafka timestamp: in CI the simulator's own events
 * once reached Kafka 2 s after their occurredAt while its source API slept, which is not ingest's). Once the source is well
 * again, every deferred product event is re-driven and the read model equals the truth.
 */
@WithLocalStack
@SpringBootTest(properties = {"display.ingest.redrive-interval=1s", "display.source.open-for=5s",
        "display.topics.prefix=" + BulkheadIT.PREFIX,
        // percentiles over the last 10-20 s: the fault's, not the warm-up's (first polls, first preparations)
        // (a Duration map's dotted key binds only in brackets: "expiry.display.ingest..." is silently dropped)
        "management.metrics.distribution.expiry[display.ingest.domain.freshness]=" + BulkheadIT.WINDOW_SECONDS + "s",
        "management.metrics.distribution.buffer-length[display.ingest.domain.freshness]=2",
        "management.metrics.distribution.expiry[display.ingest.delivery]=" + BulkheadIT.WINDOW_SECONDS + "s",
        "management.metrics.distribution.buffer-length[display.ingest.delivery]=2",
        "management.metrics.distribution.expiry[display.ingest.write.latency]=" + BulkheadIT.WINDOW_SECONDS + "s",
        "management.metrics.distribution.buffer-length[display.ingest.write.latency]=2"})
@DirtiesContext
class BulkheadIT {

    private static final Logger log = LoggerFactory.getLogger(BulkheadIT.class);

    static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000);
    static final String PREFIX = "it-ingest-bulkhead.";
    static final String KEYSPACE = "ingest_bulkhead_it_" + RUN;
    static final String GROUP = "ingest-bulkhead-it-" + RUN;
    static final List<String> TOPICS = new Topics(PREFIX).all();
    static final int SHOPS = 40;
    /** How long a latency sample stays in the percentiles (two buffers, rotated every half of it). */
    static final int WINDOW_SECONDS = 6;

    static TestUpstream upstream;

    @Autowired
    CqlSession session;

    @Autowired
    DisplayWriter writer;

    @Autowired
    FailureStore failures;

    @Autowired
    HttpSourceApi sourceApi;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) throws Exception {
        upstream = TestUpstream.start(new Topics(PREFIX), GROUP, SHOPS, 4000, RUN).register(registry);
        registry.add("spring.cassandra.keyspace-name", () -> KEYSPACE);
    }

    @AfterAll
    static void stopUpstream() {
        if (upstream != null) {
            upstream.close();
        }
        TestKeyspace.drop(KEYSPACE);
    }

    @Test
    void aSlowFailingProductSourceHoldsUpNeitherStockNorPrices() throws Exception {
        Simulator simulator = upstream.simulator();
        TruthWrites.load(simulator.truth(), writer);
        AtomicInteger opened = new AtomicInteger();
        sourceApi.circuitBreaker().getEventPublisher().onStateTransition(transition -> {
            if (transition.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                opened.incrementAndGet();
            }
        });
        simulator.producer().update(new ProducerSettings(100, new DomainMix(0, 30, 35, 35, 0, 0), 1.0, 0, 0));
        simulator.producer().start();
        // warm-up without faults: group join, first polls, statement preparation
        Awaitility.await("the stream warmed up").atMost(Duration.ofSeconds(60))
                .until(() -> count(Domain.STOCK) > 200 && count(Domain.PRICE) > 200);
        simulator.faults().set(new Faults(null, new SourceApiFaults(50, 2_000, false)));
        Awaitility.await("stock and price events streaming while the product circuit is open").atMost(Duration.ofSeconds(60))
                .until(() -> opened.get() > 0);
        // the percentiles' window holds the fault alone once it has rotated past the warm-up: a wait of the
        // window's own length, with events still flowing in every domain
        double stockBefore = count(Domain.STOCK);
        double priceBefore = count(Domain.PRICE);
        Awaitility.await("a percentiles window of the fault alone").pollDelay(Duration.ofSeconds(WINDOW_SECONDS + 1))
                .atMost(Duration.ofSeconds(60))
                .until(() -> count(Domain.STOCK) > stockBefore + 100 && count(Domain.PRICE) > priceBefore + 100);
        double stockP99 = p99(Domain.STOCK);
        double priceP99 = p99(Domain.PRICE);
        double productP99 = p99(Domain.PRODUCT);
        simulator.producer().stop();
        long deferred = failures.list(new Topics(PREFIX).of(Domain.PRODUCT), FailureStatus.NEW, 100_000).stream()
                .filter(IngestFailure::retryable).count();
        log.info("bulkhead: freshness p99 stock {} ms, prices {} ms, products {} ms; circuit opened {} times; {} deferred; "
                        + "delivery p99 {} ms, write latency p99 {} ms (all domains); stock max {} ms", Math.round(stockP99),
                Math.round(priceP99), Math.round(productP99), opened.get(), deferred, Math.round(p99(meters.get("display.ingest.delivery").timer())),
                Math.round(p99(meters.get("display.ingest.write.latency").timer())),
                Math.round(freshness(Domain.STOCK).max(TimeUnit.MILLISECONDS)));

        assertThat(opened.get()).as("the product circuit opened").isPositive();
        assertThat(deferred).as("product events deferred").isPositive();
        assertThat(stockP99).as("stock freshness p99, ms").isLessThan(1_000);
        assertThat(priceP99).as("price freshness p99, ms").isLessThan(1_000);

        simulator.faults().set(Faults.NONE);
        upstream.kafka().awaitConsumed(GROUP, TOPICS, Duration.ofSeconds(180));
        Awaitility.await("every deferred product event re-driven").atMost(Duration.ofSeconds(180))
                .until(() -> failures.findReplayable(new Topics(PREFIX).of(Domain.PRODUCT), 1).isEmpty());
        assertThat(failures.list(new Topics(PREFIX).of(Domain.PRODUCT), null, 100_000))
                .filteredOn(IngestFailure::retryable).hasSizeGreaterThanOrEqualTo((int) deferred)
                .allSatisfy(failure -> assertThat(failure.status()).isEqualTo(FailureStatus.REPLAYED));
        ReadModelOracle.Result truth = ReadModelOracle.compare(simulator.truth(), session, SHOPS);
        assertThat(truth.matches()).as(truth.toString()).isTrue();
    }

    private double count(Domain domain) {
        Timer timer = freshness(domain);
        return timer == null ? 0 : timer.count();
    }

    private double p99(Domain domain) {
        return p99(freshness(domain));
    }

    private static double p99(Timer timer) {
        for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
            if (value.percentile() == 0.99) {
                return value.value(TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException("no p99 of " + timer.getId());
    }

    private Timer freshness(Domain domain) {
        return meters.find("display.ingest.domain.freshness").tag("domain", domain.sourcePath()).timer();
    }
}
