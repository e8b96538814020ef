package com.storefront.display.bench.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.storefront.display.bench.common.BenchMain;
import com.storefront.display.bench.common.BenchOptions;
import com.storefront.display.bench.common.BenchTable;
import com.storefront.display.bench.common.Compaction;
import com.storefront.display.bench.common.InProcessApp;
import com.storefront.display.bench.common.ServerCpu;
import com.storefront.display.bench.simulator.SimulatorBenchmark;
import com.storefront.display.core.cql.CqlConsistency;
import com.storefront.display.core.cql.DisplayCassandraProperties;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.ingest.StreamIngestApplication;
import com.storefront.display.localstack.StackEndpoints;
import com.storefront.display.localstack.cassandra.CassandraCluster;
import com.storefront.display.localstack.kafka.KafkaPositions;
import com.storefront.display.simulator.SimulatorProperties;
import com.storefront.display.simulator.producer.DomainMix;
import com.storefront.display.simulator.producer.OutgoingEvent;
import com.storefront.display.testkit.cassandra.StatementCount;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * stream-ingest on the local stack, each figure against a ceiling from the same run, one class per
 * measurement ({@link IngestThroughput}, {@link IngestStockBurst}, {@link IngestSustained},
 * {@link IngestFreshness}):
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
 * <li>Cluster throughput: the first measurement on a three-node cluster at RF 3 and {@code LOCAL_QUORUM},
 * its ceiling the raw loop on the same cluster at the same consistency ({@code --cluster-rounds}), on a
 * backlog of its own, the first {@code --cluster-events} of the events.</li>
 * </ol>
 * Each throughput round also logs the CPU per event of the Cassandra processes and the Kafka broker,
 * the figures behind docs/capacity.md.
 */
public final class IngestBenchmark {

    private static final Logger log = LoggerFactory.getLogger(IngestBenchmark.class);

    private static final String KEYSPACE = "bench_ingest";
    /** The benchmark's own topics: its millions of events never reach the demo's or a test's consumers. */
    private static final Topics BENCH_TOPICS = new Topics("bench-ingest.");
    private static final List<String> TOPICS = BENCH_TOPICS.all();
    /** As the simulator makes the domain topics (display.simulator.topic-partitions). */
    private static final int TOPIC_PARTITIONS = 12;

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
    /** Rounds of the cluster row (three nodes, RF 3, LOCAL_QUORUM); 0 leaves it out. */
    private final int clusterRounds;
    /** Events of the cluster row's backlog: three nodes on one small machine write far slower than one. */
    private final int clusterEvents;
    /** The backlog row ({@link IngestBacklog}): shops, products per shop, rounds; 0 rounds leaves it out. */
    private final int backlogShops;
    private final int backlogProductsPerShop;
    private final int backlogRounds;
    private final boolean backlogShuffled;
    /** {@code --only=backlog}: the backlog row alone. */
    private final boolean backlogOnly;
    /** {@code --only=freshness} (with {@code --freshness-rate}): the freshness row alone. */
    private final boolean freshnessOnly;
    /** {@code --ingest.<property>=<value>}: stream-ingest settings for this run, e.g. {@code --ingest.display.ingest.listeners.concurrency=4}. */
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
        this.clusterRounds = Integer.parseInt(args.getOrDefault("cluster-rounds", "2"));
        this.clusterEvents = Integer.parseInt(args.getOrDefault("cluster-events", "60000"));
        this.backlogShops = Integer.parseInt(args.getOrDefault("backlog-shops", "10000"));
        this.backlogProductsPerShop = Integer.parseInt(args.getOrDefault("backlog-products", "100"));
        this.backlogRounds = Integer.parseInt(args.getOrDefault("backlog-rounds", "3"));
        this.backlogShuffled = Boolean.parseBoolean(args.getOrDefault("backlog-shuffled", "false"));
        String only = args.getOrDefault("only", "");
        if (!only.isEmpty() && !only.equals("backlog") && !only.equals("freshness")) {
            throw new IllegalArgumentException("--only takes backlog or freshness (the other rows build on each other), got " + only);
        }
        if (only.equals("freshness") && freshnessRate <= 0) {
            throw new IllegalArgumentException("--only=freshness needs --freshness-rate (events/s): without the throughput rows "
                    + "there is no sustained rate to halve");
        }
        this.backlogOnly = only.equals("backlog");
        this.freshnessOnly = only.equals("freshness");
        args.forEach((key, value) -> {
            if (key.startsWith("ingest.")) {
                ingestOverrides.put(key.substring("ingest.".length()), value);
            }
        });
    }

    public static void main(String[] args) throws Exception {
        IngestBenchmark bench = new IngestBenchmark(BenchOptions.parse(args));
        BenchMain.run(bench::run, () -> "stream-ingest benchmark: " + bench.shops + " shops, " + bench.products + " products, "
                + bench.events + " events per round, " + bench.rounds + " rounds, " + bench.inFlight + " writes in flight");
    }

    private void run(BenchTable table, StackEndpoints stack) throws Exception {
        try (KafkaPositions kafka = new KafkaPositions(stack.kafkaBootstrapServers())) {
            kafka.createMissing(TOPICS, TOPIC_PARTITIONS);
            kafka.awaitTopics(TOPICS, Duration.ofSeconds(30));
            if (backlogRounds > 0 && !freshnessOnly) {
                // first: its drain's context is the first in this JVM
                backlog(table, stack, kafka);
            }
            if (backlogOnly) {
                return;
            }
            List<OutgoingEvent> records = BenchEvents.of(SimulatorProperties.of(42, shops, products), DomainMix.STORE, events);
            List<DomainEvent> decoded = records.stream().map(r -> EventCodec.decode(r.value())).toList();
            List<DisplayWrite> writes = decoded.stream().map(e -> Projections.of(e.type().domain()).apply(e)).toList();
            double sustainedRate = freshnessOnly ? freshnessRate * 2.0 : throughputRows(table, stack, kafka, records, writes);
            // a fresh context: its freshness timer holds only the samples of the steady stream
            try (ConfigurableApplicationContext ingest = startIngest(stack, Map.of());
                 CqlSession session = CqlSession.builder().addContactPoint(stack.cassandraContactPoint())
                         .withLocalDatacenter(stack.localDatacenter()).build()) {
                new Compaction(session, KEYSPACE).awaitBacklog();
                IngestFreshness.measure(table, new IngestApp(ingest, kafka, TOPICS), stack, KEYSPACE, shops, BENCH_TOPICS,
                        decoded, freshnessRate > 0 ? freshnessRate : sustainedRate / 2, freshnessSeconds, freshnessWarmupSeconds, run);
            }
            if (clusterRounds > 0 && !freshnessOnly) {
                clusterThroughput(table, stack, kafka, records, writes);
            }
        }
    }

    /** The throughput rounds, the sustained rate with compaction running and the stock burst; returns the sustained rate. */
    private double throughputRows(BenchTable table, StackEndpoints stack, KafkaPositions kafka, List<OutgoingEvent> records,
                                  List<DisplayWrite> writes) throws Exception {
        try (ConfigurableApplicationContext ingest = startIngest(stack, Map.of());
             CqlSession session = CqlSession.builder().addContactPoint(stack.cassandraContactPoint())
                     .withLocalDatacenter(stack.localDatacenter()).withKeyspace(KEYSPACE).build();
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(SimulatorBenchmark.producerConfig(
                     stack.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            IngestApp app = new IngestApp(ingest, kafka, TOPICS);
            Compaction compaction = new Compaction(session, KEYSPACE);
            Map<TopicPartition, Long> from = app.endOffsets();
            java.time.Duration brokerBefore = ServerCpu.used(ServerCpu.KAFKA);
            BenchEvents.publish(producer, BENCH_TOPICS, records);
            Map<TopicPartition, Long> to = app.endOffsets();
            log.info("publishing the backlog of {} events cost the broker {} us of CPU per event", records.size(),
                    String.format("%.1f", (ServerCpu.used(ServerCpu.KAFKA).minus(brokerBefore)).toNanos() / 1e3 / records.size()));
            double maxRate = new IngestThroughput(rounds, warmups, inFlight, pauseCompaction, run, "ingest Kafka -> Cassandra")
                    .measure(table, app, session, compaction, from, to, writes);
            double sustainedRate = IngestSustained.measure(table, app, compaction, from, to, maxRate, run);
            IngestStockBurst.measure(table, app, compaction, producer, BENCH_TOPICS, burstProducts, burstUpdates, run);
            return sustainedRate;
        }
    }

    /**
     * The throughput measurement again on a three-node cluster of the benchmark's own (127.0.2.1-3), the
     * keyspace at RF 3, stream-ingest and the raw loop both at {@code LOCAL_QUORUM}: the same backlog, the
     * same alternating rounds.
     */
    private void clusterThroughput(BenchTable table, StackEndpoints stack, KafkaPositions kafka, List<OutgoingEvent> records,
                                   List<DisplayWrite> allWrites) throws Exception {
        int events = Math.min(clusterEvents, records.size());
        List<DisplayWrite> writes = allWrites.subList(0, events);
        Map<TopicPartition, Long> from = kafka.endOffsets(TOPICS);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(SimulatorBenchmark.producerConfig(
                stack.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            BenchEvents.publish(producer, BENCH_TOPICS, records.subList(0, events));
        }
        Map<TopicPartition, Long> to = kafka.endOffsets(TOPICS);
        try (CassandraCluster cluster = CassandraCluster.standalone("bench-ingest-cluster", 3).start()) {
            StackEndpoints endpoints = new StackEndpoints(cluster.contactPoint(1).getHostString(), cluster.contactPoint(1).getPort(),
                    stack.localDatacenter(), stack.kafkaBootstrapServers(), cluster.contactPointList());
            Map<String, String> quorum = Map.of("display.cassandra.consistency.read", "LOCAL_QUORUM",
                    "display.cassandra.consistency.write", "LOCAL_QUORUM",
                    "display.cassandra.migrations.replication", CassandraCluster.replication(3));
            ProgrammaticDriverConfigLoaderBuilder config = DriverConfigLoader.programmaticBuilder();
            CqlConsistency.configure(config, new DisplayCassandraProperties.Consistency(DefaultConsistencyLevel.LOCAL_QUORUM,
                    DefaultConsistencyLevel.LOCAL_QUORUM));
            try (ConfigurableApplicationContext ingest = startIngest(endpoints, quorum);
                 CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
                         .withLocalDatacenter(stack.localDatacenter()).withKeyspace(KEYSPACE).withConfigLoader(config.build()).build()) {
                new IngestThroughput(clusterRounds, 1, inFlight, pauseCompaction, run + "-cluster",
                        "ingest Kafka -> Cassandra, 3 nodes at RF 3, LOCAL_QUORUM")
                        .measure(table, new IngestApp(ingest, kafka, TOPICS), session, new Compaction(session, KEYSPACE), from, to, writes);
            }
        }
    }

    private void backlog(BenchTable table, StackEndpoints stack, KafkaPositions kafka) throws Exception {
        // the keyspace exists once a context has migrated it: the raw loops' session needs it
        startIngest(stack, Map.of()).close();
        try (CqlSession session = CqlSession.builder().addContactPoint(stack.cassandraContactPoint())
                     .withLocalDatacenter(stack.localDatacenter()).withKeyspace(KEYSPACE).build();
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(SimulatorBenchmark.producerConfig(
                     stack.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            new IngestBacklog(backlogShops, backlogProductsPerShop, backlogRounds, inFlight, DisplayWriter.DEFAULT_MAX_BATCH,
                    backlogShuffled, run)
                    .measure(table, kafka, producer, session, new Compaction(session, KEYSPACE), topics -> {
                        try {
                            return startIngest(stack, Map.of("display.topics.prefix", topics.prefix()));
                        } catch (Exception e) {
                            throw new IllegalStateException("stream-ingest did not start", e);
                        }
                    });
        }
    }

    /** stream-ingest in-process, listener stopped; the given settings override its application.yaml. */
    private ConfigurableApplicationContext startIngest(StackEndpoints stack, Map<String, String> settings) throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.kafka.listener.auto-startup", "false");
        properties.put("spring.kafka.consumer.group-id", "bench-ingest-" + run);
        properties.put("spring.application.name", "stream-ingest-bench");
        properties.put("display.topics.prefix", BENCH_TOPICS.prefix());
        properties.put("display.ingest.write-concurrency", Integer.toString(inFlight));
        // freshness percentiles over the last 20-30 s: each snapshot reflects the stream as it is then
        properties.put("management.metrics.distribution.expiry[display.ingest.freshness]", "30s");
        properties.put("management.metrics.distribution.buffer-length[display.ingest.freshness]", "3");
        properties.put("management.metrics.distribution.expiry[display.ingest.delivery]", "30s");
        properties.put("management.metrics.distribution.expiry[display.ingest.domain.freshness]", "30s");
        properties.put("management.metrics.distribution.buffer-length[display.ingest.domain.freshness]", "3");
        properties.put("management.metrics.distribution.buffer-length[display.ingest.delivery]", "3");
        properties.putAll(settings);
        properties.putAll(ingestOverrides);
        // what the app asks Cassandra to write to shop_product, a batch counting as the writes it holds (IngestApp.shopProductWrites)
        return InProcessApp.start(StreamIngestApplication.class, stack, KEYSPACE, properties, List.of(StatementCount.writesTo("shop_product")));
    }
}
