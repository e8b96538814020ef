package com.storefront.display.bench.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.storefront.display.api.DisplayApiApplication;
import com.storefront.display.api.product.ProductReads;
import com.storefront.display.api.shop.ShopReads;
import com.storefront.display.bench.common.BenchMain;
import com.storefront.display.bench.common.BenchOptions;
import com.storefront.display.bench.common.BenchTable;
import com.storefront.display.bench.common.InProcessApp;
import com.storefront.display.bench.common.Latencies;
import com.storefront.display.localstack.StackEndpoints;

/**
 * display-api on the local stack, against a read model of {@code --shops} shops and {@code --products}
 * products (loaded once into keyspace {@code bench_display}, reused by later runs):
 * <ol>
 * <li>Raw ceilings: a plain async driver loop, {@code --concurrency} reads in flight, running the very
 * statements display-api runs (the shop partition; the first page of a shop's products).</li>
 * <li>The API under {@code wrk} at the same concurrency: {@code GET /api/shops/{id}} and
 * {@code GET /api/shops/{id}/products?size=20} for random shops; req/s, p50 and p99.</li>
 * </ol>
 * display-api runs in-process (its real Spring context on an ephemeral port); wrk is a separate process.
 */
public final class DisplayApiBenchmark {

    private static final Logger log = LoggerFactory.getLogger(DisplayApiBenchmark.class);
    private static final String KEYSPACE = "bench_display";
    private static final int PAGE_SIZE = 20;

    private final int shops;
    private final long products;
    private final int concurrency;
    private final int rounds;
    private final int seconds;
    private final int warmupSeconds;

    private DisplayApiBenchmark(Map<String, String> args) {
        this.shops = Integer.parseInt(args.getOrDefault("shops", "10000"));
        this.products = Long.parseLong(args.getOrDefault("products", "1000000"));
        this.concurrency = Integer.parseInt(args.getOrDefault("concurrency", "64"));
        this.rounds = Integer.parseInt(args.getOrDefault("rounds", "3"));
        this.seconds = Integer.parseInt(args.getOrDefault("seconds", "10"));
        this.warmupSeconds = Integer.parseInt(args.getOrDefault("warmup-seconds", "30"));
        if (products % shops != 0) {
            throw new IllegalArgumentException("--products must be a multiple of --shops (products per shop)");
        }
    }

    public static void main(String[] args) throws Exception {
        DisplayApiBenchmark bench = new DisplayApiBenchmark(BenchOptions.parse(args));
        BenchMain.run(bench::run, () -> "display-api benchmark: " + bench.shops + " shops, " + bench.products
                + " products, concurrency " + bench.concurrency + ", " + bench.rounds + " rounds of " + bench.seconds + " s");
    }

    private void run(BenchTable table, StackEndpoints stack) throws Exception {
        try (ConfigurableApplicationContext api = startApi(stack);
             CqlSession session = CqlSession.builder().addContactPoint(stack.cassandraContactPoint())
                     .withLocalDatacenter(stack.localDatacenter()).withKeyspace(KEYSPACE).build()) {
            new ReadModelLoad(session, KEYSPACE, shops, products / shops).ensureLoaded();
            int port = ((WebServerApplicationContext) api).getWebServer().getPort();
            Wrk wrk = new Wrk("http://127.0.0.1:" + port, concurrency, shops);
            PreparedStatement shopRead = session.prepare(ShopReads.SHOP);
            PreparedStatement pageRead = session.prepare(ProductReads.PAGE);
            LongFunction<BoundStatement> shop = id -> shopRead.bind(id);
            LongFunction<BoundStatement> page = id -> pageRead.bind(id, Long.MIN_VALUE).setPageSize(ProductReads.fetchSize(PAGE_SIZE));

            log.info("warming up: {} s per measurement", warmupSeconds);
            rawReads(session, shop, warmupSeconds);
            wrk.run("/api/shops/%d", warmupSeconds);
            rawReads(session, page, warmupSeconds);
            wrk.run("/api/shops/%d/products?size=" + PAGE_SIZE, warmupSeconds);

            List<Latencies> rawShop = new ArrayList<>();
            List<Latencies> apiShop = new ArrayList<>();
            List<Latencies> rawPage = new ArrayList<>();
            List<Latencies> apiPage = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                rawShop.add(rawReads(session, shop, seconds));
                apiShop.add(wrk.run("/api/shops/%d", seconds));
                rawPage.add(rawReads(session, page, seconds));
                apiPage.add(wrk.run("/api/shops/%d/products?size=" + PAGE_SIZE, seconds));
                log.info("round {}: shop raw {} | api {}; products raw {} | api {}", round, rawShop.get(round - 1),
                        apiShop.get(round - 1), rawPage.get(round - 1), apiPage.get(round - 1));
            }
            report(table, "GET /api/shops/{id}", apiShop, rawShop, 0.7, 10);
            report(table, "GET .../products?size=20", apiPage, rawPage, Double.NaN, Double.NaN);
        }
    }

    private static void report(BenchTable table, String endpoint, List<Latencies> api, List<Latencies> raw,
                               double ratioTarget, double p99LimitMs) {
        table.add(new BenchTable.Row(endpoint + " req/s", "req/s", median(api, Latencies::perSecond),
                median(raw, Latencies::perSecond), ratioTarget, Double.NaN));
        table.add(new BenchTable.Row(endpoint + " p50", "ms", median(api, Latencies::p50Ms), median(raw, Latencies::p50Ms),
                Double.NaN, Double.NaN));
        double p99 = median(api, Latencies::p99Ms);
        double rawP99 = median(raw, Latencies::p99Ms);
        table.add(Double.isNaN(p99LimitMs) ? new BenchTable.Row(endpoint + " p99", "ms", p99, rawP99, Double.NaN, Double.NaN)
                : BenchTable.Row.atMost(endpoint + " p99", "ms", p99, rawP99, p99LimitMs));
    }

    private static double median(List<Latencies> runs, java.util.function.ToDoubleFunction<Latencies> figure) {
        return BenchTable.median(runs.stream().map(figure::applyAsDouble).toList());
    }

    /** The raw ceiling: {@code concurrency} async single-partition reads in flight for random shops, rows consumed. */
    private Latencies rawReads(CqlSession session, LongFunction<BoundStatement> statement, int durationSeconds)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        long[] latencies = new long[4_000_000];
        AtomicInteger count = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(durationSeconds);
        while (System.nanoTime() < end && failure.get() == null) {
            inFlight.acquire();
            long sent = System.nanoTime();
            long shopId = 1 + ThreadLocalRandom.current().nextInt(shops);
            session.executeAsync(statement.apply(shopId)).whenComplete((rows, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                } else {
                    consume(rows);
                    int i = count.getAndIncrement();
                    if (i < latencies.length) {
                        latencies[i] = System.nanoTime() - sent;
                    }
                }
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency);
        long elapsed = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IllegalStateException("raw read failed", failure.get());
        }
        int n = Math.min(count.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Latencies(n / (elapsed / 1e9), sorted[n / 2] / 1e6, sorted[(int) Math.min(n - 1, Math.ceil(n * 0.99) - 1)] / 1e6);
    }

    private static void consume(AsyncResultSet rows) {
        long sum = 0;
        for (Row row : rows.currentPage()) {
            sum += row.getLong(0);
        }
        if (sum == 42) {
            log.trace("unlikely");
        }
    }

    private ConfigurableApplicationContext startApi(StackEndpoints stack) throws Exception {
        return InProcessApp.start(DisplayApiApplication.class, stack, KEYSPACE, Map.of("spring.application.name", "display-api-bench"));
    }
}
