package com.storefront.display.bench.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.storefront.display.api.DisplayApiApplication;
import com.storefront.display.bench.common.BenchTable;
import com.storefront.display.bench.common.InProcessApp;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.localstack.StackEndpoints;

/**
 * Freshness: the throughput rounds' events streamed again at half the sustained rate, each stamped as it
 * is sent; p99 of write acknowledged minus {@code occurredAt}, median of several snapshots taken once
 * the fresh context has run {@code warmupSeconds} (JIT, consumer-group join: the snapshots before are
 * logged, not counted, as every benchmark here leaves its warm-up out). Beside it, {@link ApiFreshness}:
 * marked changes made visible through display-api's {@code GET /api/shops/{id}}, its near cache on.
 */
final class IngestFreshness {

    private static final Logger log = LoggerFactory.getLogger(IngestFreshness.class);

    private IngestFreshness() {
    }

    static void measure(BenchTable table, IngestApp app, StackEndpoints stack, String keyspace, int shops, Topics topics,
                        List<DomainEvent> events, double rate, int seconds, int warmupSeconds, String run) throws Exception {
        List<Double> p99s = new ArrayList<>();
        app.follow("bench-fresh-" + run);
        long start = System.nanoTime();
        double apiP99;
        long apiSamples;
        try (ConfigurableApplicationContext api = InProcessApp.start(DisplayApiApplication.class, stack, keyspace,
                Map.of("spring.application.name", "display-api-bench"));
             FreshnessStream stream = new FreshnessStream(stack.kafkaBootstrapServers(), topics, events, rate);
             ApiFreshness visible = new ApiFreshness(stack.kafkaBootstrapServers(), topics,
                     "http://127.0.0.1:" + ((WebServerApplicationContext) api).getWebServer().getPort(), shops, Duration.ofMillis(200))) {
            // the timer's percentiles cover the last 20-30 s (see IngestBenchmark.startIngest): sample every
            // 10 s after 30 s; a snapshot counts once its window lies wholly after the warm-up
            for (int second = 30; second <= warmupSeconds + seconds; second += 10) {
                TimeUnit.NANOSECONDS.sleep(start + TimeUnit.SECONDS.toNanos(second) - System.nanoTime());
                double p99 = app.freshnessMillis(0.99);
                boolean counted = second >= warmupSeconds + 30;
                if (counted) {
                    p99s.add(p99);
                }
                log.info("freshness at {} events/s, {} s{}: p50 {} ms, p99 {} ms, max {} ms ({} events sent, {} polls written, "
                                + "writing a poll p50 {} ms, p99 {} ms; a poll received after its oldest record's Kafka timestamp "
                                + "p50 {} ms, p99 {} ms)",
                        Math.round(rate), second, counted ? "" : " (warm-up, not counted)",
                        Math.round(app.freshnessMillis(0.5)), Math.round(p99), Math.round(app.freshnessMaxMillis()),
                        stream.sent(), app.polls(), Math.round(app.millis("display.ingest.write.latency", 0.5)),
                        Math.round(app.millis("display.ingest.write.latency", 0.99)),
                        Math.round(app.millis("display.ingest.delivery", 0.5)), Math.round(app.millis("display.ingest.delivery", 0.99)));
                // which domain's container holds it up: Kafka timestamp to write acknowledged, p99 per domain
                log.info("  p99 per domain (Kafka timestamp to written): {}", app.domainFreshnessP99());
                log.info("  through GET /api/shops/{id} (near cache on): {} marked changes so far, p50 {} ms, p99 {} ms",
                        visible.count(start), String.format("%.0f", visible.quantileMillis(0.5, start)), String.format("%.0f", visible.quantileMillis(0.99, start)));
            }
            long counted = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
            apiP99 = visible.quantileMillis(0.99, counted);
            apiSamples = visible.count(counted);
        } finally {
            app.stop();
        }
        table.add(BenchTable.Row.atMost("freshness p99, half sustained rate", "ms", BenchTable.median(p99s), 500, 500));
        log.info("freshness through the API: {} marked changes after the warm-up", apiSamples);
        table.add(BenchTable.Row.atMost("freshness p99 through GET /api/shops/{id} (near cache on), half sustained rate", "ms",
                apiP99, 500, 500));
    }
}
