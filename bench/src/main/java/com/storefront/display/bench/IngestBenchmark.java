package com.storefront.display.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.ingest.StreamIngestApplication;
import com.storefront.display.localstack.KafkaPositions;
import com.storefront.display.localstack.StackEndpoints;
import com.storefront.display.simulator.SimulatorProperties;
import com.storefront.display.simulator.producer.DomainMix;
import com.storefront.display.simulator.producer.OutgoingEvent;

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
 * </ol>
 */
public final class IngestBenchmark {

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
        BenchMain.run(bench::run, () -> "stream-ingest benchmark: " + bench.shops + " shops, " + bench.products + " products, "
                + bench.events + " events per round, " + bench.rounds + " rounds, " + bench.inFlight + " writes in flight");
    }

    private void run(BenchTable table, StackEndpoints stack) throws Exception {
        try (KafkaPositions kafka = new KafkaPositions(stack.kafkaBootstrapServers())) {
            kafka.createMissing(TOPICS, TOPIC_PARTITIONS);
            kafka.awaitTopics(TOPICS, Duration.ofSeconds(30));
            List<OutgoingEvent> records = BenchEvents.of(SimulatorProperties.of(42, shops, products), DomainMix.STORE, events);
            List<DomainEvent> decoded = records.stream().map(r -> EventCodec.decode(r.value())).toList();
            List<DisplayWrite> writes = decoded.stream().map(e -> Projections.of(e.type().domain()).apply(e)).toList();
            double sustainedRate;
            try (ConfigurableApplicationContext ingest = startIngest(stack);
                 CqlSession session = CqlSession.builder().addContactPoint(stack.cassandraContactPoint())
                         .withLocalDatacenter(stack.localDatacenter()).withKeyspace(KEYSPACE).build();
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(SimulatorBenchmark.producerConfig(
                         stack.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                IngestApp app = new IngestApp(ingest, kafka, TOPICS);
                Compaction compaction = new Compaction(session, KEYSPACE);
                Map<TopicPartition, Long> from = app.endOffsets();
                BenchEvents.publish(producer, BENCH_TOPICS, records);
                Map<TopicPartition, Long> to = app.endOffsets();
                double maxRate = new IngestThroughput(rounds, warmups, inFlight, pauseCompaction, run)
                        .measure(table, app, session, compaction, from, to, writes);
                sustainedRate = IngestSustained.measure(table, app, compaction, from, to, maxRate, run);
                IngestStockBurst.measure(table, app, compaction, producer, BENCH_TOPICS, burstProducts, burstUpdates, run);
            }
            // a fresh context: its freshness timer holds only the samples of the steady stream
            try (ConfigurableApplicationContext ingest = startIngest(stack);
                 CqlSession session = CqlSession.builder().addContactPoint(stack.cassandraContactPoint())
                         .withLocalDatacenter(stack.localDatacenter()).build()) {
                new Compaction(session, KEYSPACE).awaitBacklog();
                IngestFreshness.measure(table, new IngestApp(ingest, kafka, TOPICS), stack.kafkaBootstrapServers(), BENCH_TOPICS,
                        decoded, freshnessRate > 0 ? freshnessRate : sustainedRate / 2, freshnessSeconds, freshnessWarmupSeconds, run);
            }
        }
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
}
