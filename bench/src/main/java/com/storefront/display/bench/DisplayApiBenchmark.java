package com.storefront.display.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.storefront.display.api.DisplayApiApplication;
import com.storefront.display.api.product.ProductReads;
import com.storefront.display.api.shop.ShopReads;
import com.storefront.display.localstack.LocalStackSettings;
import com.storefront.display.localstack.RunningStack;
import com.storefront.display.localstack.StackEndpoints;
import com.storefront.display.localstack.StackProvider;

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
        BenchTable table = new BenchTable();
        try (RunningStack stack = StackProvider.choose(LocalStackSettings.fromEnvironment()).start(StackProvider.Owner.TEST_RUN)) {
            log.info("local stack ({}): {}", stack.providerName(), stack.endpoints());
            bench.run(table, stack.endpoints());
        }
        System.out.println();
        System.out.println("display-api benchmark: " + bench.shops + " shops, " + bench.products + " products, concurrency "
                + bench.concurrency + ", " + bench.rounds + " rounds of " + bench.seconds + " s, "
                + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.print(table.render());
        System.exit(table.allPass() ? 0 : 1);
    }

    private void run(BenchTable table, StackEndpoints stack) throws Exception {
        try (ConfigurableApplicationContext api = startApi(stack);
             CqlSession session = CqlSession.builder().addContactPoint(stack.cassandraContactPoint())
                     .withLocalDatacenter(stack.localDatacenter()).withKeyspace(KEYSPACE).build()) {
            new ReadModelLoad(session, shops, products / shops).ensureLoaded();
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

    /** Requests per second and latency percentiles of one measurement. */
    record Latencies(double perSecond, double p50Ms, double p99Ms) {

        @Override
        public String toString() {
            return String.format("%,.0f/s p50 %.1f ms p99 %.1f ms", perSecond, p50Ms, p99Ms);
        }
    }

    /**
     * The read model the benchmark reads: every shop with its header, a review summary for four in five,
     * two coupons (one active, one ended) and {@code perShop} products, a third of them discounted, half
     * with stock, one in twenty hidden. Written with unlogged batches of one partition; a marker row
     * (shop id {@code -shops}) records a complete load, so later runs reuse it.
     */
    private record ReadModelLoad(CqlSession session, int shops, long perShop) {

        void ensureLoaded() throws InterruptedException {
            String expected = "loaded " + shops + " x " + perShop;
            Row marker = session.execute("SELECT name FROM shop WHERE shop_id = ?", (long) -shops).one();
            if (marker != null && expected.equals(marker.getString(0))) {
                log.info("read model already {} (keyspace {})", expected, KEYSPACE);
                return;
            }
            PreparedStatement shop = session.prepare("INSERT INTO shop (shop_id, seller_id, name, category, status, "
                    + "delivery_fee, min_order_amount) VALUES (?, ?, ?, 'grocery', 'OPEN', 3000, 12000) USING TIMESTAMP ?");
            PreparedStatement review = session.prepare("INSERT INTO shop (shop_id, rating_avg, rating_count) VALUES (?, ?, ?) "
                    + "USING TIMESTAMP ?");
            PreparedStatement coupon = session.prepare("INSERT INTO shop (shop_id, coupon_id, coupon_name, "
                    + "coupon_discount_amount, coupon_min_order_amount, coupon_valid_from, coupon_valid_until, coupon_status) "
                    + "VALUES (?, ?, ?, 2000, 15000, ?, ?, 'ACTIVE') USING TIMESTAMP ?");
            PreparedStatement product = session.prepare("INSERT INTO shop_product (shop_id, product_id, name, category, "
                    + "image_url, base_price, display_status, sale_price, discount_rate, stock_quantity) "
                    + "VALUES (?, ?, ?, 'dairy', ?, ?, ?, ?, ?, ?) USING TIMESTAMP ?");
            long version = Instant.now().toEpochMilli() * 1000;
            Instant now = Instant.now();
            Semaphore inFlight = new Semaphore(24);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            long start = System.nanoTime();
            for (long s = 1; s <= shops && failure.get() == null; s++) {
                BatchStatementBuilder header = BatchStatement.builder(DefaultBatchType.UNLOGGED)
                        .addStatement(shop.bind(s, s * 10, "shop " + s, version))
                        .addStatement(coupon.bind(s, 1L, "Welcome", now.minusSeconds(86_400), now.plusSeconds(30L * 86_400), version))
                        .addStatement(coupon.bind(s, 2L, "Ended", now.minusSeconds(9 * 86_400), now.minusSeconds(86_400), version));
                if (s % 5 != 0) {
                    header.addStatement(review.bind(s, 3.0 + (s % 20) / 10.0, (int) (s % 500), version));
                }
                submit(header.build(), inFlight, failure);
                BatchStatementBuilder rows = BatchStatement.builder(DefaultBatchType.UNLOGGED);
                for (long i = 1; i <= perShop; i++) {
                    long id = (s - 1) * perShop + i;
                    boolean discounted = id % 3 == 0;
                    BoundStatement row = product.bind(s, id, "product " + id, "https://img.example/" + id + ".jpg",
                            1000 + id % 5000, id % 20 == 0 ? "HIDDEN" : "ON_SALE", 900 + id % 4000, 10, (int) (id % 50), version);
                    // a domain that has not written leaves its cells unset (a bound null would write a tombstone)
                    if (!discounted) {
                        row = row.unset("sale_price").unset("discount_rate");
                    }
                    if (id % 2 != 0) {
                        row = row.unset("stock_quantity");
                    }
                    rows.addStatement(row);
                    if (rows.getStatementsCount() == 50 || i == perShop) {
                        submit(rows.build(), inFlight, failure);
                        rows = BatchStatement.builder(DefaultBatchType.UNLOGGED);
                    }
                }
                if (s % 1000 == 0) {
                    double secondsSoFar = (System.nanoTime() - start) / 1e9;
                    log.info("loaded {} of {} shops ({} products, {}/s)", s, shops, s * perShop,
                            String.format("%,.0f", s * perShop / secondsSoFar));
                }
            }
            inFlight.acquire(24);
            if (failure.get() != null) {
                throw new IllegalStateException("loading the read model failed", failure.get());
            }
            session.execute(shop.bind((long) -shops, 0L, expected, version));
            log.info("read model {} in {} s", expected, (System.nanoTime() - start) / 1_000_000_000);
        }

        private void submit(BatchStatement batch, Semaphore inFlight, AtomicReference<Throwable> failure)
                throws InterruptedException {
            inFlight.acquire();
            CompletableFuture<AsyncResultSet> done = session.executeAsync(batch).toCompletableFuture();
            done.whenComplete((rows, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                inFlight.release();
            });
        }
    }

    /** wrk (Debian's package) against random shops; its own latency percentiles and requests/s. */
    private record Wrk(String baseUrl, int connections, int shops) {

        Latencies run(String pathFormat, int durationSeconds) throws Exception {
            Path script = Files.createTempFile("display-api-bench", ".lua");
            Files.writeString(script, """
                    local counter = 0
                    function setup(thread)
                      counter = counter + 1
                      thread:set("seed", counter)
                    end
                    function init(args)
                      math.randomseed(os.time() * 100 + seed)
                    end
                    function request()
                      return wrk.format("GET", string.format("%s", math.random(1, %d)))
                    end
                    """.formatted(pathFormat, shops));
            try {
                Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + durationSeconds + "s",
                        "--latency", "-s", script.toString(), baseUrl).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes());
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("wrk failed:\n" + output);
                }
                return parse(output);
            } finally {
                Files.deleteIfExists(script);
            }
        }

        static Latencies parse(String output) {
            if (output.contains("Non-2xx or 3xx responses")) {
                throw new IllegalStateException("the API answered errors under load:\n" + output);
            }
            return new Latencies(Double.parseDouble(field(output, "Requests/sec:")), millis(field(output, "50%")),
                    millis(field(output, "99%")));
        }

        private static String field(String output, String label) {
            return output.lines().map(String::trim).filter(line -> line.startsWith(label)).findFirst()
                    .map(line -> line.substring(label.length()).trim().split("\\s+")[0])
                    .orElseThrow(() -> new IllegalStateException("no '" + label + "' in wrk's output:\n" + output));
        }

        private static double millis(String value) {
            if (value.endsWith("us")) {
                return Double.parseDouble(value.substring(0, value.length() - 2)) / 1000;
            }
            if (value.endsWith("ms")) {
                return Double.parseDouble(value.substring(0, value.length() - 2));
            }
            if (value.endsWith("s")) {
                return Double.parseDouble(value.substring(0, value.length() - 1)) * 1000;
            }
            throw new IllegalStateException("unknown unit in wrk latency " + value);
        }
    }
}
