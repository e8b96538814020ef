package com.storefront.display.bench.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.storefront.display.bench.common.BenchTable;
import com.storefront.display.bench.common.Compaction;
import com.storefront.display.bench.common.DriverLoop;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.StockState;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.core.event.EventType;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.localstack.kafka.KafkaPositions;
import com.storefront.display.simulator.producer.OutgoingEvent;

/**
 * Catching up: a backlog of {@code shops x productsPerShop} {@code StockChanged} events (one update per
 * product, keyed by shop, shop after shop as a shop's inventory sync publishes them, or shuffled with
 * {@code shuffled}, on a stock topic of 12 partitions of its own) published
 * before the consumer starts, drained by a cold stream-ingest context, timed from its first written poll
 * to its last commit. Against two ceilings measured in the same round, after the drain (so that the
 * drain's context is the first in its JVM to run the driver's code): a plain async driver loop of single
 * statements, {@code inFlight} in flight, and the same loop sending each shop's rows as unlogged batches
 * of up to {@code maxBatch} (what the DataStax Kafka sink does). Each drain also logs its rate second by
 * second and the seconds until it first reached 80% of its steady rate (that of its second half).
 */
final class IngestBacklog {

    private static final Logger log = LoggerFactory.getLogger(IngestBacklog.class);
    /** Far from the other measurements' shops (the simulator's start at 1). */
    private static final long FIRST_SHOP = 50_000_001L;

    private final int shops;
    private final int productsPerShop;
    private final int rounds;
    private final int inFlight;
    private final int maxBatch;
    private final boolean shuffled;
    private final String run;

    IngestBacklog(int shops, int productsPerShop, int rounds, int inFlight, int maxBatch, boolean shuffled, String run) {
        this.shuffled = shuffled;
        this.shops = shops;
        this.productsPerShop = productsPerShop;
        this.rounds = rounds;
        this.inFlight = inFlight;
        this.maxBatch = maxBatch;
        this.run = run;
    }

    /**
     * @param ingest starts a cold stream-ingest context (listener stopped) on the given topics
     */
    void measure(BenchTable table, KafkaPositions kafka, KafkaProducer<String, byte[]> producer, CqlSession session,
                 Compaction compaction, Function<Topics, ConfigurableApplicationContext> ingest) throws Exception {
        Topics topics = new Topics("bench-backlog-" + run + ".");
        kafka.createMissing(topics.all(), 12);
        kafka.awaitTopics(topics.all(), java.time.Duration.ofSeconds(30));
        List<DomainEvent> events = events();
        List<OutgoingEvent> records = events.stream()
                .map(e -> new OutgoingEvent(Domain.STOCK, e.key(), EventCodec.encode(e), 0)).toList();
        Map<TopicPartition, Long> from = kafka.endOffsets(List.of(topics.of(Domain.STOCK)));
        long publishStart = System.nanoTime();
        BenchEvents.publish(producer, topics, records);
        Map<TopicPartition, Long> to = kafka.endOffsets(List.of(topics.of(Domain.STOCK)));
        log.info("backlog: {} StockChanged events ({} shops x {} products, {}) published in {} s", records.size(), shops,
                productsPerShop, shuffled ? "shuffled" : "shop after shop", Math.round((System.nanoTime() - publishStart) / 1e9));
        List<DisplayWrite> writes = events.stream().map(e -> Projections.of(Domain.STOCK).apply(e)).toList();
        List<Double> drained = new ArrayList<>();
        List<Double> singles = new ArrayList<>();
        List<Double> batched = new ArrayList<>();
        List<Double> rampSeconds = new ArrayList<>();
        Map<String, Map<String, String>> paused = compaction.pause();
        try {
            for (int round = 1; round <= rounds; round++) {
                compaction.await();
                double drain;
                double ramp;
                try (ConfigurableApplicationContext context = ingest.apply(topics)) {
                    IngestApp app = new IngestApp(context, kafka, topics.all());
                    List<double[]> samples = new ArrayList<>();
                    IngestApp.Drained result = app.drainTraced("bench-backlog-" + run + "-" + round, from, to, 1000,
                            (seconds, written, polls) -> samples.add(new double[] {seconds, written, polls}));
                    drain = result.rate();
                    ramp = rampSeconds(samples, result);
                }
                compaction.await();
                double single = DriverLoop.execute(session, writes, write -> DriverLoop.bind(session, DriverLoop.preparedCache(), write), inFlight);
                compaction.await();
                double batch = batchedRate(session, writes);
                log.info("backlog round {}: drain {} events/s ({} s to 80% of its steady rate); raw single statements {} rows/s "
                                + "(ratio {}); raw batches of up to {} rows of a shop {} rows/s", round, Math.round(drain),
                        String.format("%.1f", ramp), Math.round(single), String.format("%.2f", drain / single), maxBatch,
                        Math.round(batch));
                drained.add(drain);
                singles.add(single);
                batched.add(batch);
                rampSeconds.add(ramp);
            }
        } finally {
            compaction.resume(paused);
        }
        // only round 1 drains in a cold JVM: later rounds start a new context in a JVM whose code is compiled
        log.info("backlog: 80% of the steady drain rate reached {} s after the first written poll in round 1 (a cold JVM), "
                        + "median {} s in the {} later rounds (a new context, compiled code); rounds: {}",
                String.format("%.1f", rampSeconds.get(0)),
                rampSeconds.size() > 1 ? String.format("%.1f", BenchTable.median(rampSeconds.subList(1, rampSeconds.size()))) : "-",
                rampSeconds.size() - 1, rampSeconds.stream().map(r -> String.format("%.1f", r)).toList());
        table.add(new BenchTable.Row("backlog drain (" + records.size() / 1000 + "k stock)", "events/s",
                BenchTable.median(drained), BenchTable.median(singles), 1.0, Double.NaN));
        table.add(new BenchTable.Row("  raw batches of a shop (" + maxBatch + ")", "rows/s",
                BenchTable.median(batched), BenchTable.median(singles), Double.NaN, Double.NaN));
    }

    /**
     * One update per product of every shop: shop after shop, or shuffled (a seeded order), where a poll
     * then holds about one event per shop and a batch of a shop is rare.
     */
    private List<DomainEvent> events() {
        List<DomainEvent> events = new ArrayList<>(shops * productsPerShop);
        long version = Instant.now().toEpochMilli() * 1000;
        Instant now = Instant.now();
        Random random = new Random(42);
        for (int s = 0; s < shops; s++) {
            for (int p = 1; p <= productsPerShop; p++) {
                long shop = FIRST_SHOP + s;
                events.add(new DomainEvent(new UUID(random.nextLong(), random.nextLong()), EventType.STOCK_CHANGED, 1, now, shop,
                        shop * 1000 + p, ++version, new StockState(random.nextInt(500))));
            }
        }
        if (shuffled) {
            Collections.shuffle(events, random);
        }
        return events;
    }

    /** The raw loop with each shop's rows in unlogged batches of up to {@code maxBatch}: rows/s. */
    private double batchedRate(CqlSession session, List<DisplayWrite> writes) throws InterruptedException {
        Map<String, PreparedStatement> prepared = DriverLoop.preparedCache();
        Map<Long, List<DisplayWrite>> byShop = new LinkedHashMap<>();
        writes.forEach(w -> byShop.computeIfAbsent(w.key().values().get(0), k -> new ArrayList<>()).add(w));
        List<List<DisplayWrite>> batches = new ArrayList<>();
        byShop.values().forEach(shop -> {
            for (int i = 0; i < shop.size(); i += maxBatch) {
                batches.add(shop.subList(i, Math.min(shop.size(), i + maxBatch)));
            }
        });
        double batchesPerSecond = DriverLoop.execute(session, batches, batch -> {
            BatchStatementBuilder builder = BatchStatement.builder(DefaultBatchType.UNLOGGED);
            batch.forEach(w -> builder.addStatement(DriverLoop.bind(session, prepared, w)));
            return builder.setIdempotence(true).build();
        }, inFlight);
        return batchesPerSecond * writes.size() / batches.size();
    }

    /** Seconds from the first written poll until a one-second rate first reached 80% of the second half's rate. */
    private static double rampSeconds(List<double[]> samples, IngestApp.Drained drain) {
        double total = samples.isEmpty() ? 0 : samples.get(samples.size() - 1)[1];
        double half = drain.seconds() / 2;
        double[] middle = samples.stream().filter(s -> s[0] >= half).findFirst().orElse(null);
        if (middle == null || samples.size() < 4) {
            return 0;
        }
        double steady = (total - middle[1]) / (samples.get(samples.size() - 1)[0] - middle[0]);
        StringBuilder trace = new StringBuilder();
        StringBuilder perPoll = new StringBuilder();
        double ramp = Double.NaN;
        for (int i = 1; i < samples.size(); i++) {
            double rate = (samples.get(i)[1] - samples.get(i - 1)[1]) / (samples.get(i)[0] - samples.get(i - 1)[0]);
            trace.append(Math.round(rate / 100) / 10.0).append(i % 20 == 0 ? "\n  " : " ");
            double polls = samples.get(i)[2] - samples.get(i - 1)[2];
            if (i <= 30) {
                // the first polls' sizes: a small first fetch would show here, not in the rate alone
                perPoll.append(polls == 0 ? "-" : Math.round((samples.get(i)[1] - samples.get(i - 1)[1]) / polls)).append(' ');
            }
            if (Double.isNaN(ramp) && rate >= 0.8 * steady) {
                ramp = samples.get(i)[0];
            }
        }
        log.info("backlog drain, k events/s second by second (steady {} k/s):\n  {}", Math.round(steady / 100) / 10.0, trace);
        log.info("backlog drain, events per written poll in its first 30 s: {}", perPoll);
        return Double.isNaN(ramp) ? drain.seconds() : ramp;
    }
}
