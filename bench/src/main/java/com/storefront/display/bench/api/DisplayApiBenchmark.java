package com.storefront.display.bench.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

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
import com.storefront.display.bench.api.Wrk.Popularity;
import com.storefront.display.bench.common.Latencies;
import com.storefront.display.localstack.StackEndpoints;

/**
 * display-api on the local stack, against a read model of {@code --shops} shops and {@code --products}
 * products (loaded once into keyspace {@code bench_display}, reused by later runs), every figure against
 * ceilings measured in the same run:
 * <ol>
 * <li>The ceilings of its parts: the HTTP floor ({@link HttpFloor}: the same server stack answering a
 * constant body of a shop response's size) and a plain async driver loop, {@code --concurrency} reads in
 * flight, running the very statements display-api runs.</li>
 * <li>The API under {@code wrk} at the same concurrency: {@code GET /api/shops/{id}} and
 * {@code GET /api/shops/{id}/products?size=20}, shops picked uniformly or by Zipf popularity
 * ({@link Wrk.Popularity}), on an instance with the near cache off and one with it on.</li>
 * <li>An overload ({@link OverloadProbe}): four times the concurrency in flight against an instance that
 * allows {@code --concurrency} reads at once.</li>
 * </ol>
 * The instances run in-process (their real Spring contexts on ephemeral ports); wrk is a separate process.
 */
public final class DisplayApiBenchmark {

    private static final Logger log = LoggerFactory.getLogger(DisplayApiBenchmark.class);
    private static final String KEYSPACE = "bench_display";
    private static final int PAGE_SIZE = 20;
    private static final String SHOP = "/api/shops/%d";
    private static final String PAGE = "/api/shops/%d/products?size=" + PAGE_SIZE;
    /** A request of the overload run not answered within this was not answered: the API's read timeout and room. */
    private static final Duration OVERLOAD_TIMEOUT = Duration.ofSeconds(3);

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
        HttpFloor floor = new HttpFloor();
        try (ConfigurableApplicationContext off = startApi(stack, "0", 512, floor);
             ConfigurableApplicationContext on = startApi(stack, "250ms", 512, new HttpFloor());
             ConfigurableApplicationContext shedding = startApi(stack, "0", concurrency, new HttpFloor());
             CqlSession session = CqlSession.builder().addContactPoint(stack.cassandraContactPoint())
                     .withLocalDatacenter(stack.localDatacenter()).withKeyspace(KEYSPACE).build()) {
            new ReadModelLoad(session, KEYSPACE, shops, products / shops).ensureLoaded();
            Wrk cacheOff = new Wrk(baseUrl(off), concurrency, shops);
            Wrk cacheOn = new Wrk(baseUrl(on), concurrency, shops);
            floor.answerBytes(shopResponseBytes(baseUrl(off)));
            PreparedStatement shopRead = session.prepare(ShopReads.SHOP);
            PreparedStatement pageRead = session.prepare(ProductReads.PAGE);
            LongFunction<BoundStatement> shop = id -> shopRead.bind(id);
            LongFunction<BoundStatement> page = id -> pageRead.bind(id, Long.MIN_VALUE).setPageSize(ProductReads.fetchSize(PAGE_SIZE));

            log.info("warming up: {} s per measurement", warmupSeconds);
            rawReads(session, shop, warmupSeconds);
            cacheOff.run(HttpFloor.PATH, warmupSeconds);
            cacheOff.run(SHOP, warmupSeconds);
            rawReads(session, page, warmupSeconds);
            cacheOff.run(PAGE, warmupSeconds);
            cacheOn.run(SHOP, warmupSeconds, Popularity.ZIPF);
            new OverloadProbe().run(baseUrl(shedding), SHOP, shops, 4 * concurrency, Math.max(1, warmupSeconds / 3), OVERLOAD_TIMEOUT);

            Map<String, List<Latencies>> runs = new LinkedHashMap<>();
            List<OverloadProbe.Result> overloads = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                measure(runs, "raw shop", () -> rawReads(session, shop, seconds));
                measure(runs, "http floor", () -> cacheOff.run(HttpFloor.PATH, seconds));
                measure(runs, "shop uniform off", () -> cacheOff.run(SHOP, seconds));
                measure(runs, "shop zipf off", () -> cacheOff.run(SHOP, seconds, Popularity.ZIPF));
                measure(runs, "shop uniform on", () -> cacheOn.run(SHOP, seconds));
                measure(runs, "shop zipf on", () -> cacheOn.run(SHOP, seconds, Popularity.ZIPF));
                measure(runs, "raw page", () -> rawReads(session, page, seconds));
                measure(runs, "page uniform off", () -> cacheOff.run(PAGE, seconds));
                measure(runs, "page zipf on", () -> cacheOn.run(PAGE, seconds, Popularity.ZIPF));
                overloads.add(new OverloadProbe().run(baseUrl(shedding), SHOP, shops, 4 * concurrency, seconds, OVERLOAD_TIMEOUT));
                int r = round - 1;
                log.info("round {}: {}; overload {}", round, runs.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().get(r))
                        .collect(Collectors.joining("; ")), overloads.get(r));
            }
            report(table, runs, overloads);
        }
    }

    /**
     * The rows: each endpoint against the ceiling of its parts, measured in the same run. The combined
     * ceiling of an endpoint is what the HTTP floor and the raw driver read serve one after the other on
     * the same CPUs, 1/(1/http + 1/driver); its p99 is the sum of theirs.
     */
    private void report(BenchTable table, Map<String, List<Latencies>> runs, List<OverloadProbe.Result> overloads) {
        double http = median(runs.get("http floor"), Latencies::perSecond);
        double rawShop = median(runs.get("raw shop"), Latencies::perSecond);
        double rawPage = median(runs.get("raw page"), Latencies::perSecond);
        double shopCeiling = 1 / (1 / http + 1 / rawShop);
        double pageCeiling = 1 / (1 / http + 1 / rawPage);
        double ceilingP99 = median(runs.get("http floor"), Latencies::p99Ms) + median(runs.get("raw shop"), Latencies::p99Ms);
        table.add(new BenchTable.Row("HTTP floor (constant body) req/s", "req/s", http, Double.NaN, Double.NaN, Double.NaN));
        table.add(new BenchTable.Row("raw driver shop reads/s", "req/s", rawShop, Double.NaN, Double.NaN, Double.NaN));
        table.add(new BenchTable.Row("shop, uniform, cache off req/s (ceiling: 1/(1/http + 1/driver))", "req/s",
                median(runs.get("shop uniform off"), Latencies::perSecond), shopCeiling, 0.8, Double.NaN));
        table.add(BenchTable.Row.atMost("shop, uniform, cache off p99 (ceiling: http p99 + driver p99)", "ms",
                median(runs.get("shop uniform off"), Latencies::p99Ms), ceilingP99, 1.5 * ceilingP99));
        table.add(new BenchTable.Row("products?size=20, uniform, cache off req/s (ceiling: 1/(1/http + 1/driver))", "req/s",
                median(runs.get("page uniform off"), Latencies::perSecond), pageCeiling, 0.7, Double.NaN));
        double zipfOn = median(runs.get("shop zipf on"), Latencies::perSecond);
        table.add(new BenchTable.Row("shop, Zipf, cache on req/s (ceiling: HTTP floor)", "req/s", zipfOn, http, 0.8, Double.NaN));
        table.add(new BenchTable.Row("shop, Zipf, cache on req/s (ceiling: raw driver)", "req/s", zipfOn, rawShop,
                http > rawShop ? 1.0 : Double.NaN, Double.NaN));
        for (String informational : List.of("shop zipf off", "shop uniform on", "page zipf on")) {
            table.add(new BenchTable.Row(informational + " req/s", "req/s", median(runs.get(informational), Latencies::perSecond),
                    Double.NaN, Double.NaN, Double.NaN));
            table.add(new BenchTable.Row(informational + " p99", "ms", median(runs.get(informational), Latencies::p99Ms),
                    Double.NaN, Double.NaN, Double.NaN));
        }
        double capacityP99 = median(runs.get("shop uniform off"), Latencies::p99Ms);
        table.add(BenchTable.Row.atMost("overload: shop at " + 4 * concurrency + " in flight, " + concurrency
                + " reads allowed: 200s' p99 (ceiling: p99 at capacity)", "ms",
                BenchTable.median(overloads.stream().map(OverloadProbe.Result::okP99Ms).toList()), capacityP99, 2 * capacityP99));
        table.add(BenchTable.Row.atMost("overload: requests not answered within " + OVERLOAD_TIMEOUT.toSeconds() + " s", "requests",
                overloads.stream().mapToLong(OverloadProbe.Result::timedOut).sum(), Double.NaN, 0));
        table.add(new BenchTable.Row("overload: answered 503 (shed), median of the rounds", "requests",
                BenchTable.median(overloads.stream().map(o -> (double) o.shed()).toList()), Double.NaN, Double.NaN, Double.NaN));
    }

    private static void measure(Map<String, List<Latencies>> runs, String name, Measurement measurement) throws Exception {
        runs.computeIfAbsent(name, n -> new ArrayList<>()).add(measurement.run());
    }

    @FunctionalInterface
    private interface Measurement {
        Latencies run() throws Exception;
    }

    private static String baseUrl(ConfigurableApplicationContext api) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) api).getWebServer().getPort();
    }

    /** The size of a shop response, which the HTTP floor answers with. */
    private static int shopResponseBytes(String baseUrl) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + String.format(SHOP, 1))).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body().length;
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
        return new Latencies(n / (elapsed / 1e9), sorted[n / 2] / 1e6, sorted[Latencies.rank(n, 0.99)] / 1e6);
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

    private ConfigurableApplicationContext startApi(StackEndpoints stack, String maxStaleness, int maxInFlightReads, HttpFloor floor)
            throws Exception {
        return InProcessApp.start(DisplayApiApplication.class, stack, KEYSPACE, Map.of("spring.application.name", "display-api-bench",
                "display.api.cache.max-staleness", maxStaleness, "display.api.max-in-flight-reads", Integer.toString(maxInFlightReads)),
                List.of(), floor.registration());
    }
}
