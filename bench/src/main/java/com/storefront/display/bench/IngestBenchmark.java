package com.storefront.display.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.ingest.StreamIngestApplication;
import com.storefront.display.localstack.KafkaPositions;
import com.storefront.display.localstack.LocalStackSettings;
import com.storefront.display.localstack.RunningStack;
import com.storefront.display.localstack.StackEndpoints;
import com.storefront.display.localstack.StackProvider;
import com.storefront.display.simulator.Simulator;
import com.storefront.display.simulator.SimulatorProperties;
import com.storefront.display.simulator.SimulatorStats;
import com.storefront.display.simulator.producer.DomainMix;
import com.storefront.display.simulator.producer.OutgoingEvent;
import com.storefront.display.simulator.producer.ProducerSettings;
import com.storefront.display.simulator.truth.VersionClock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

/**
 * stream-ingest on the local stack, each figure against a ceiling from the same run:
 * <ol>
 * <li>Throughput: a backlog of events on the six topics drained by stream-ingest (in-process, its real
 * Spring context) into Cassandra, events/s; the ceiling is a plain async driver loop writing the same
 * rows (one prepared statement per shape, the same number in flight). Rounds alternate which goes
 * first, with the keyspace's background compaction paused; each logs both rates and this JVM's CPU per
 * row.</li>
 * <li>Stock burst: many updates per product published at once; Cassandra's own write count for
 * {@code shop_product} ({@code system_views.coordinator_write_latency}) divided by the products seen
 * per poll must not exceed 1.</li>
 * <li>Sustained rate: the same backlog drained with compaction running, reported; its half is the
 * freshness rate.</li>
 * <li>Freshness: the throughput rounds' events streamed again at half the sustained rate, each
 * stamped as it is sent; p99 of write acknowledged minus {@code occurredAt}, median of several snapshots
 * taken once the fresh context has run
 * {@code --freshness-warmup-seconds} (JIT, consumer-group join: the snapshots before are logged, not
 * counted, as every benchmark here leaves its warm-up out).</li>
 * </ol>
 */
public final class IngestBenchmark {

    private static final Logger log = LoggerFactory.getLogger(IngestBenchmark.class);
    private static final String KEYSPACE = "bench_ingest";
    private static final String LISTENER = "display-ingest";
    /** The benchmark's own topics: its millions of events never reach the demo's or a test's consumers. */
    private static final Topics BENCH_TOPICS = new Topics("bench-ingest.");
    private static final List<String> TOPICS = BENCH_TOPICS.all();
    /** As the simulator makes the domain topics (display.simulator.topic-partitions). */
    private static final int TOPIC_PARTITIONS = 12;
    private static final int SUSTAINED_DRAINS = 3;

    private final int shops;
    private final long products;
    private final int events;
    private final int rounds;
    private final int warmups;
    private final int inFlight;
    private final int burstProducts;
    private final int burstUpdates;
    private final int freshnessSeconds;
    private final int freshnessWarmupSeconds;
    private final int freshnessRate;
    private final boolean pauseCompaction;
    /** {@code --ingest.<property>=<value>}: stream-ingest settings for this run, e.g. {@code --ingest.spring.kafka.listener.concurrency=4}. */
    private final Map<String, String> ingestOverrides = new HashMap<>();
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000);

    private IngestBenchmark(Map<String, String> args) {
        this.shops = Integer.parseInt(args.getOrDefault("shops", "10000"));
        this.products = Long.parseLong(args.getOrDefault("products", "1000000"));
        this.events = Integer.parseInt(args.getOrDefault("events", "500000"));
        this.rounds = Integer.parseInt(args.getOrDefault("rounds", "5"));
        this.warmups = Integer.parseInt(args.getOrDefault("warmups", "2"));
        this.inFlight = Integer.parseInt(args.getOrDefault("in-flight", "256"));
        this.burstProducts = Integer.parseInt(args.getOrDefault("burst-products", "500"));
        this.burstUpdates = Integer.parseInt(args.getOrDefault("burst-updates", "40"));
        this.freshnessSeconds = Integer.parseInt(args.getOrDefault("freshness-seconds", "70"));
        this.freshnessWarmupSeconds = Integer.parseInt(args.getOrDefault("freshness-warmup-seconds", "30"));
        this.freshnessRate = Integer.parseInt(args.getOrDefault("freshness-rate", "0"));
        this.pauseCompaction = Boolean.parseBoolean(args.getOrDefault("pause-compaction", "true"));
        args.forEach((key, value) -> {
            if (key.startsWith("ingest.")) {
                ingestOverrides.put(key.substring("ingest.".length()), value);
            }
        });
    }

    public static void main(String[] args) throws Exception {
        IngestBenchmark bench = new IngestBenchmark(BenchOptions.parse(args));
        BenchTable table = new BenchTable();
        try (RunningStack stack = StackProvider.choose(LocalStackSettings.fromEnvironment()).start(StackProvider.Owner.TEST_RUN)) {
            log.info("local stack ({}): {}", stack.providerName(), stack.endpoints());
            bench.run(table, stack.endpoints());
        }
        System.out.println();
        System.out.println("stream-ingest benchmark: " + bench.shops + " shops, " + bench.products + " products, "
                + bench.events + " events per round, " + bench.rounds + " rounds, " + bench.inFlight + " writes in flight, "
                + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.print(table.render());
        System.exit(table.allPass() ? 0 : 1);
    }

    private void run(BenchTable table, StackEndpoints stack) throws Exception {
        try (KafkaPositions kafka = new KafkaPositions(stack.kafkaBootstrapServers())) {
            kafka.createMissing(TOPICS, TOPIC_PARTITIONS);
            kafka.awaitTopics(TOPICS, Duration.ofSeconds(30));
        }
        List<OutgoingEvent> records = records(SimulatorProperties.of(42, shops, products), DomainMix.STORE, events);
        List<DomainEvent> decoded = records.stream().map(r -> EventCodec.decode(r.value())).toList();
        List<DisplayWrite> writes = decoded.stream().map(e -> Projections.of(e.type().domain()).apply(e)).toList();
        double sustainedRate;
        try (ConfigurableApplicationContext ingest = startIngest(stack);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
             CqlSession session = CqlSession.builder().addContactPoint(stack.cassandraContactPoint())
                     .withLocalDatacenter(stack.localDatacenter()).withKeyspace(KEYSPACE).build();
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(SimulatorBenchmark.producerConfig(
                     stack.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            Ingest app = new Ingest(ingest, admin);
            Map<TopicPartition, Long> from = app.endOffsets();
            publish(producer, records);
            Map<TopicPartition, Long> to = app.endOffsets();
            double maxRate = throughput(table, app, session, from, to, writes);
            sustainedRate = sustained(table, app, session, from, to, maxRate);
            stockBurst(table, app, session, producer);
        }
        // a fresh context: its freshness timer holds only the samples of the steady stream
        try (ConfigurableApplicationContext ingest = startIngest(stack);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
             CqlSession session = CqlSession.builder().addContactPoint(stack.cassandraContactPoint())
                     .withLocalDatacenter(stack.localDatacenter()).build()) {
            awaitCompactionBacklog(session);
            freshness(table, new Ingest(ingest, admin), stack, decoded, freshnessRate > 0 ? freshnessRate : sustainedRate / 2);
        }
    }

    /**
     * Rounds of the raw loop and the ingest drain, in alternating order, with the keyspace's background
     * compaction paused: a compaction that one phase's flushes start runs into the next phase's window, so
     * with a fixed order the second phase always paid for the first one's data (the last rounds' ingest
     * ratios were 0.6-0.7 where the first rounds' were 0.8-0.9).
     *
     * @return the median ingest rate, events/s
     */
    private double throughput(BenchTable table, Ingest app, CqlSession session, Map<TopicPartition, Long> from,
                              Map<TopicPartition, Long> to, List<DisplayWrite> writes) throws Exception {
        List<Double> raw = new ArrayList<>();
        List<Double> ingested = new ArrayList<>();
        awaitCompactions(session);
        Map<String, Map<String, String>> compaction = pauseCompaction ? pauseCompaction(session) : Map.of();
        try {
            for (int round = 1 - warmups; round <= rounds; round++) {
                boolean rawFirst = Math.floorMod(round, 2) == 1;
                Measured rawRate = null;
                Measured ingestRate = null;
                for (int phase = 0; phase < 2; phase++) {
                    awaitCompactions(session);
                    if (rawFirst == (phase == 0)) {
                        rawRate = measured(writes.size(), () -> rawWrites(session, writes));
                    } else {
                        String group = "bench-ingest-" + run + "-" + (round + warmups);
                        ingestRate = measured(writes.size(), () -> app.drain(group, from, to));
                    }
                }
                log.info("throughput round {}{} ({} first): raw driver {} rows/s, ingest {} events/s (ratio {}); this JVM's CPU "
                                + "per row: raw {} us, ingest {} us", round, round < 1 ? " (warm-up)" : "", rawFirst ? "raw" : "ingest",
                        Math.round(rawRate.rate()), Math.round(ingestRate.rate()),
                        String.format("%.2f", ingestRate.rate() / rawRate.rate()), String.format("%.1f", rawRate.cpuMicros()),
                        String.format("%.1f", ingestRate.cpuMicros()));
                if (round >= 1) {
                    raw.add(rawRate.rate());
                    ingested.add(ingestRate.rate());
                }
            }
        } finally {
            resumeCompaction(session, compaction);
        }
        table.add(new BenchTable.Row("ingest Kafka -> Cassandra", "events/s", BenchTable.median(ingested),
                BenchTable.median(raw), 0.8, Double.NaN));
        return BenchTable.median(ingested);
    }

    /**
     * The rate ingest sustains while Cassandra compacts, as it does all through the freshness stream: the
     * throughput rounds pause compaction (so that the raw loop and ingest compare alike), which leaves
     * their rate a burst capacity and hands the compaction work to the freshness stream alone. Once the
     * rounds' compaction backlog is done, the backlog is drained {@value #SUSTAINED_DRAINS} times back to
     * back with compaction running (each drain's flushes start compactions that run into the next).
     *
     * @return events/s over the drains together; the freshness stream runs at half of it
     */
    private double sustained(BenchTable table, Ingest app, CqlSession session, Map<TopicPartition, Long> from,
                             Map<TopicPartition, Long> to, double burstRate) throws Exception {
        awaitCompactionBacklog(session);
        long backlog = recordsBetween(from, to);
        double seconds = 0;
        List<Long> rates = new ArrayList<>();
        for (int drain = 1; drain <= SUSTAINED_DRAINS; drain++) {
            double rate = app.drain("bench-sustained-" + run + "-" + drain, from, to);
            seconds += backlog / rate;
            rates.add(Math.round(rate));
        }
        double sustained = SUSTAINED_DRAINS * backlog / seconds;
        log.info("ingest with compaction running: {} events/s over {} drains ({} events/s each); burst rate {} events/s",
                Math.round(sustained), SUSTAINED_DRAINS, rates, Math.round(burstRate));
        table.add(new BenchTable.Row("ingest, compaction running", "events/s", sustained, burstRate, Double.NaN, Double.NaN));
        return sustained;
    }

    /** A rate and this JVM's CPU per item while it was measured. */
    private record Measured(double rate, double cpuMicros) {
    }

    private interface Rate {
        double measure() throws Exception;
    }

    private static Measured measured(int items, Rate rate) throws Exception {
        long cpu = processCpuNanos();
        double measured = rate.measure();
        return new Measured(measured, (processCpuNanos() - cpu) / 1e3 / items);
    }

    /** Turns background compaction off for every table of the keyspace; returns each table's settings to restore. */
    private static Map<String, Map<String, String>> pauseCompaction(CqlSession session) {
        Map<String, Map<String, String>> settings = new HashMap<>();
        for (Row row : session.execute("SELECT table_name, compaction FROM system_schema.tables WHERE keyspace_name = ?", KEYSPACE)) {
            Map<String, String> compaction = row.getMap("compaction", String.class, String.class);
            settings.put(row.getString("table_name"), compaction);
            Map<String, String> paused = new HashMap<>(compaction);
            paused.put("enabled", "false");
            alterCompaction(session, row.getString("table_name"), paused);
        }
        log.info("background compaction paused on {} tables of {} for the throughput rounds", settings.size(), KEYSPACE);
        return settings;
    }

    private static void resumeCompaction(CqlSession session, Map<String, Map<String, String>> settings) {
        settings.forEach((table, compaction) -> alterCompaction(session, table, compaction));
    }

    private static void alterCompaction(CqlSession session, String table, Map<String, String> compaction) {
        String options = compaction.entrySet().stream().map(e -> "'" + e.getKey() + "': '" + e.getValue().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "{", "}"));
        session.execute("ALTER TABLE " + KEYSPACE + "." + table + " WITH compaction = " + options);
    }

    /** CPU time of this JVM (the raw loop's driver, or stream-ingest's context, and their GC), ns. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The ceiling: the same rows written by a plain async driver loop, prepared once per statement shape,
     * at most {@code inFlight} in flight.
     */
    private double rawWrites(CqlSession session, List<DisplayWrite> writes) throws InterruptedException {
        Map<String, PreparedStatement> prepared = new ConcurrentHashMap<>();
        Semaphore permits = new Semaphore(inFlight);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        for (DisplayWrite write : writes) {
            permits.acquire();
            PreparedStatement statement = prepared.computeIfAbsent(write.cql(), session::prepare);
            CompletionStage<AsyncResultSet> execution = session.executeAsync(statement.bind(write.bindValues().toArray()));
            execution.whenComplete((rows, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                permits.release();
            });
        }
        permits.acquire(inFlight);
        double rate = writes.size() / ((System.nanoTime() - start) / 1e9);
        permits.release(inFlight);
        if (failure.get() != null) {
            throw new IllegalStateException("a raw write failed", failure.get());
        }
        return rate;
    }

    private void stockBurst(BenchTable table, Ingest app, CqlSession session, KafkaProducer<String, byte[]> producer)
            throws Exception {
        List<OutgoingEvent> burst = records(SimulatorProperties.of(7, Math.max(1, burstProducts / 100), burstProducts),
                DomainMix.only(Domain.STOCK), burstProducts * burstUpdates);
        Set<Long> distinct = new HashSet<>();
        burst.forEach(r -> distinct.add(EventCodec.decode(r.value()).entityId()));
        Map<TopicPartition, Long> from = app.endOffsets();
        publish(producer, burst);
        Map<TopicPartition, Long> to = app.endOffsets();
        double eventsBefore = app.counted("display.ingest.events");
        double coalescedBefore = app.counted("display.ingest.coalesced");
        long pollsBefore = app.polls();
        long writesBefore = cassandraWrites(session, "shop_product");
        app.drain("bench-burst-" + run, from, to);
        long cassandra = cassandraWrites(session, "shop_product") - writesBefore;
        long polls = app.polls() - pollsBefore;
        double productsPerPoll = app.counted("display.ingest.events") - eventsBefore
                - (app.counted("display.ingest.coalesced") - coalescedBefore);
        log.info("stock burst: {} events for {} products in {} polls; {} products seen per poll in total; "
                        + "Cassandra counted {} writes to shop_product ({} events per write)", burst.size(), distinct.size(),
                polls, Math.round(productsPerPoll), cassandra, String.format("%.1f", burst.size() / (double) cassandra));
        table.add(BenchTable.Row.atMost("stock burst: writes per product per poll", "writes", cassandra / productsPerPoll,
                burst.size() / productsPerPoll, 1.0));
    }

    private void freshness(BenchTable table, Ingest app, StackEndpoints stack, List<DomainEvent> events, double rate)
            throws Exception {
        List<Double> p99s = new ArrayList<>();
        app.follow("bench-fresh-" + run);
        try (FreshnessStream stream = new FreshnessStream(stack.kafkaBootstrapServers(), events, rate)) {
            long start = System.nanoTime();
            // the timer's percentiles cover the last 20-30 s (see startIngest): sample every 10 s after 30 s;
            // a snapshot counts once its window lies wholly after the warm-up
            for (int second = 30; second <= freshnessWarmupSeconds + freshnessSeconds; second += 10) {
                TimeUnit.NANOSECONDS.sleep(start + TimeUnit.SECONDS.toNanos(second) - System.nanoTime());
                double p99 = app.freshnessMillis(0.99);
                boolean counted = second >= freshnessWarmupSeconds + 30;
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
            }
        } finally {
            app.stop();
        }
        table.add(BenchTable.Row.atMost("freshness p99, half sustained rate", "ms", BenchTable.median(p99s), 500, 500));
    }

    /**
     * The freshness stream: the throughput rounds' events again, in their order, at a steady rate, each
     * stamped as it is sent (version and {@code occurredAt} now, as an upstream domain stamps a change).
     * It stands in for the upstream producers, which run on their own machines: it shares this JVM and
     * these two cores with stream-ingest, so it is kept cheap. The simulator, with its source of truth and
     * its producer thread, took about two fifths of this JVM's CPU samples here, and its lz4 batches (64 KiB
     * of buffers per batch, a few records each at this rate) made about two thirds of the JVM's
     * allocation: young pauses of 60-110 ms every second, which stream-ingest, in the same JVM, sat through.
     */
    private static final class FreshnessStream implements AutoCloseable {

        private final KafkaProducer<String, byte[]> producer;
        private final List<DomainEvent> events;
        private final double rate;
        private final AtomicLong sent = new AtomicLong();
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private final Thread thread;
        private volatile boolean stopped;

        FreshnessStream(String bootstrapServers, List<DomainEvent> events, double rate) {
            Map<String, Object> config = SimulatorBenchmark.producerConfig(bootstrapServers);
            config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
            this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
            this.events = events;
            this.rate = rate;
            this.thread = new Thread(this::run, "freshness-stream");
            thread.start();
        }

        private void run() {
            try {
                stream();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }

        private void stream() {
            long start = System.nanoTime();
            VersionClock clock = new VersionClock(Instant.EPOCH);
            for (long n = 0; !stopped && failure.get() == null; n++) {
                long due = start + (long) (n * 1e9 / rate);
                for (long wait = due - System.nanoTime(); wait > 0 && !stopped; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(Math.min(wait, 1_000_000));
                }
                DomainEvent event = events.get((int) (n % events.size()));
                long version = clock.next();
                DomainEvent stamped = new DomainEvent(event.eventId(), event.type(), event.schemaVersion(),
                        VersionClock.instant(version), event.shopId(), event.entityId(), version, event.payload());
                producer.send(new ProducerRecord<>(BENCH_TOPICS.of(event.type().domain()), event.key(),
                        EventCodec.encode(stamped, event.schemaVersion())), (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
                sent.incrementAndGet();
            }
        }

        long sent() {
            return sent.get();
        }

        @Override
        public void close() throws InterruptedException {
            stopped = true;
            thread.join();
            producer.close();
            if (failure.get() != null) {
                throw new IllegalStateException("the freshness stream could not publish", failure.get());
            }
        }
    }

    /**
     * Waits (at most a minute) until Cassandra runs no compaction: each measurement starts from a quiet
     * server, not in the compactions the previous one left behind.
     */
    private static void awaitCompactions(CqlSession session) throws InterruptedException {
        awaitCompactions(session, Duration.ZERO, Duration.ofMinutes(1));
    }

    /**
     * Waits (at most five minutes) until Cassandra has run no compaction for ten seconds in a row: the
     * sstables the throughput rounds flushed while compaction was paused are compacted in several steps,
     * each starting when the previous one ends, and the freshness stream must not run into them.
     */
    private static void awaitCompactionBacklog(CqlSession session) throws InterruptedException {
        long start = System.nanoTime();
        awaitCompactions(session, Duration.ofSeconds(10), Duration.ofMinutes(5));
        log.info("compaction backlog done after {} s", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    }

    /** Returns once no compaction has run for {@code quiet} (polled every 500 ms), or after {@code atMost}. */
    private static void awaitCompactions(CqlSession session, Duration quiet, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (session.execute("SELECT keyspace_name FROM system_views.sstable_tasks").one() != null) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= quiet.toNanos()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    private static long cassandraWrites(CqlSession session, String table) {
        Row row = session.execute("SELECT count FROM system_views.coordinator_write_latency WHERE keyspace_name = ? AND table_name = ?",
                KEYSPACE, table).one();
        return row == null ? 0 : row.getLong("count");
    }

    /** The records between two sets of offsets. */
    private static long recordsBetween(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        return to.entrySet().stream().mapToLong(e -> e.getValue() - from.getOrDefault(e.getKey(), 0L)).sum();
    }

    /** The records a simulator with these properties publishes for {@code count} changes (no thin events). */
    private static List<OutgoingEvent> records(SimulatorProperties properties, DomainMix mix, int count) {
        RecordingSink sink = new RecordingSink(count);
        Simulator simulator = new Simulator(properties, sink, new SimulatorStats());
        simulator.producer().update(new ProducerSettings(0, mix, 0, 0.5, 2));
        simulator.producer().produce(count);
        return sink.records();
    }

    private static void publish(KafkaProducer<String, byte[]> producer, List<OutgoingEvent> records) {
        records.forEach(r -> producer.send(new ProducerRecord<>(BENCH_TOPICS.of(r.domain()), r.key(), r.value())));
        producer.flush();
    }

    /** stream-ingest in-process, listener stopped; the given settings override its application.yaml. */
    private ConfigurableApplicationContext startIngest(StackEndpoints stack) throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.kafka.listener.auto-startup", "false");
        properties.put("spring.kafka.consumer.group-id", "bench-ingest-" + run);
        properties.put("spring.application.name", "stream-ingest-bench");
        properties.put("display.topics.prefix", BENCH_TOPICS.prefix());
        properties.put("display.ingest.write-concurrency", Integer.toString(inFlight));
        // freshness percentiles over the last 20-30 s: each snapshot reflects the stream as it is then
        properties.put("management.metrics.distribution.expiry.display.ingest.freshness", "30s");
        properties.put("management.metrics.distribution.buffer-length.display.ingest.freshness", "3");
        properties.put("management.metrics.distribution.expiry.display.ingest.delivery", "30s");
        properties.put("management.metrics.distribution.buffer-length.display.ingest.delivery", "3");
        properties.putAll(ingestOverrides);
        return InProcessApp.start(StreamIngestApplication.class, stack, KEYSPACE, properties);
    }

    /** The stream-ingest context, its listener started under a consumer group of the benchmark's choosing. */
    private static final class Ingest {

        private final MessageListenerContainer container;
        private final MeterRegistry meters;
        private final Admin admin;

        Ingest(ConfigurableApplicationContext context, Admin admin) {
            this.container = context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(LISTENER);
            this.meters = context.getBean(MeterRegistry.class);
            this.admin = admin;
        }

        /**
         * Drains the records between {@code from} and {@code to} with a new consumer group and returns
         * events/s, timed from the first written poll (group join excluded) to the last commit.
         */
        double drain(String group, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) throws Exception {
            long total = recordsBetween(from, to);
            admin.alterConsumerGroupOffsets(group, from.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> new OffsetAndMetadata(e.getValue())))).all().get();
            double before = counted("display.ingest.events");
            container.getContainerProperties().setGroupId(group);
            container.start();
            while (counted("display.ingest.events") == before) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            long start = System.nanoTime();
            double atStart = counted("display.ingest.events") - before;
            while (!reached(group, to)) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            stop();
            return (total - atStart) / seconds;
        }

        /** Starts a new group at the current end of the topics; returns once it owns every partition. */
        void follow(String group) throws Exception {
            Map<TopicPartition, Long> end = endOffsets();
            admin.alterConsumerGroupOffsets(group, end.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> new OffsetAndMetadata(e.getValue())))).all().get();
            container.getContainerProperties().setGroupId(group);
            container.start();
            while (container.getAssignedPartitions() == null || container.getAssignedPartitions().size() < end.size()) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }

        void stop() {
            container.stop();
        }

        double counted(String counter) {
            return meters.find(counter).counters().stream().mapToDouble(c -> c.count()).sum();
        }

        /** Polls written so far: the write-latency timer records one sample per poll. */
        long polls() {
            Timer timer = meters.find("display.ingest.write.latency").timer();
            return timer == null ? 0 : timer.count();
        }

        double freshnessMillis(double percentile) {
            return millis("display.ingest.freshness", percentile);
        }

        double millis(String timer, double percentile) {
            for (ValueAtPercentile value : meters.get(timer).timer().takeSnapshot().percentileValues()) {
                if (value.percentile() == percentile) {
                    return value.value(TimeUnit.MILLISECONDS);
                }
            }
            throw new IllegalStateException(timer + " publishes no percentile " + percentile);
        }

        double freshnessMaxMillis() {
            return meters.get("display.ingest.freshness").timer().max(TimeUnit.MILLISECONDS);
        }

        private boolean reached(String group, Map<TopicPartition, Long> to) throws Exception {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return to.entrySet().stream().allMatch(e -> {
                OffsetAndMetadata at = committed.get(e.getKey());
                return at != null && at.offset() >= e.getValue();
            });
        }

        Map<TopicPartition, Long> endOffsets() throws Exception {
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(TOPICS).allTopicNames().get().forEach((name, description) ->
                    description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
            Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }
}
