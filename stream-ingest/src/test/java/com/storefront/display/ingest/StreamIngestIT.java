package com.storefront.display.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.cassandra.autoconfigure.CqlSessionBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.failure.FailureStatus;
import com.storefront.display.core.failure.FailureStore;
import com.storefront.display.core.failure.IngestFailure;
import com.storefront.display.core.source.HttpSourceApi;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.ingest.deadletter.DeadLetters;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.simulator.Simulator;
import com.storefront.display.simulator.SimulatorStats;
import com.storefront.display.simulator.fault.EventFaults;
import com.storefront.display.simulator.fault.Faults;
import com.storefront.display.simulator.fault.SourceApiFaults;
import com.storefront.display.simulator.producer.DomainMix;
import com.storefront.display.simulator.producer.ProducerSettings;
import com.storefront.display.testkit.cassandra.StatementConsistency;
import com.storefront.display.testkit.cassandra.TestKeyspace;
import com.storefront.display.testkit.truth.ReadModelOracle;
import com.storefront.display.testkit.truth.TruthWrites;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Ingest end to end on the real Kafka and Cassandra, with the simulator in-process as the upstream
 * domains. Its own keyspace and consumer group, started at the end of the topics, so the shared stack's
 * other data cannot interfere. After a bulk load of the catalogue, the read model must equal the truth.
 */
@WithLocalStack
@SpringBootTest(properties = {"display.ingest.redrive-interval=1s", "display.source.open-for=2s",
        "display.topics.prefix=" + StreamIngestIT.PREFIX,
        // levels other than the defaults, so the last test can tell that every statement honours them
        "display.cassandra.consistency.read=ONE", "display.cassandra.consistency.write=ALL"})
@DirtiesContext // its listener must not outlive the keyspace it writes to
class StreamIngestIT {

    static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000);
    static final String KEYSPACE = "ingest_it_" + RUN;
    static final String GROUP = "ingest-it-" + RUN;
    /** Topics of this test's own: nothing it publishes reaches another test's, a benchmark's or the demo's consumers. */
    static final String PREFIX = "it-stream-ingest.";
    static final Topics OWN_TOPICS = new Topics(PREFIX);
    static final List<String> TOPICS = OWN_TOPICS.all();
    static final List<String> DEAD_LETTER_TOPICS = Domain.evented().stream().map(OWN_TOPICS::deadLetterOf).toList();
    static final int SHOPS = 60;
    /**
     * The poison scenario: ten rounds of 99 good events per poison record. 20 poison records a round here
     * (20,000 events in all), the 100 of the first version (100,000) with {@code -Dstream-ingest.full=true}.
     */
    static final int ROUNDS = 10;
    static final int POISON_PER_ROUND = Boolean.getBoolean("stream-ingest.full") ? 100 : 20;

    /** Every statement of the app's sessions (the migrations' included) and the level it ran at. */
    static final StatementConsistency STATEMENTS = new StatementConsistency();

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

    Simulator simulator;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) throws Exception {
        upstream = TestUpstream.start(OWN_TOPICS, GROUP, SHOPS, 6000, RUN).register(registry);
        registry.add("spring.cassandra.keyspace-name", () -> KEYSPACE);
    }

    @AfterAll
    static void stopUpstream() {
        if (upstream != null) {
            upstream.close();
        }
        TestKeyspace.drop(KEYSPACE);
    }

    /** Whether this class's keyspace holds the catalogue yet: each scenario starts from the truth, in any order. */
    static boolean loaded;

    @BeforeEach
    void upstreamWithoutFaultsAndTheReadModelLoaded() {
        simulator = upstream.simulator();
        simulator.faults().set(Faults.NONE);
        simulator.producer().update(new ProducerSettings(0, DomainMix.STORE, 0.2, 0.5, 3));
        if (!loaded) {
            TruthWrites.load(simulator.truth(), writer);
            loaded = true;
        }
    }

    @Test
    void everyEventTypeLandsAndDuplicatesAndReorderingConvergeToTheTruth() throws Exception {
        simulator.faults().set(new Faults(new EventFaults(0, 5, 40, 0, 0, 0, 0), null));

        simulator.producer().produce(20_000);
        upstream.kafka().awaitConsumed(GROUP, TOPICS, Duration.ofSeconds(120));

        SimulatorStats.Snapshot stats = simulator.stats().snapshot();
        assertThat(stats.duplicated()).isPositive();
        assertThat(stats.reordered()).isPositive();
        assertReadModelIsTheTruth();
        double consumed = meters.find("display.ingest.events").counters().stream().mapToDouble(c -> c.count()).sum();
        assertThat(consumed).isGreaterThanOrEqualTo(stats.sent());
        assertThat(meters.find("display.ingest.coalesced").counter().count()).isPositive();
        assertThat(meters.find("display.ingest.freshness").timer().count()).isPositive();
        assertThat(meters.find("kafka.consumer.fetch.manager.records.lag.max").gauges()).isNotEmpty();
    }

    @Test
    void onePercentPoisonGoesToTheDeadLetterTopicAndTheFailureStoreAndEveryGoodEventLands() throws Exception {
        Map<TopicPartition, Long> deadLettersBefore = upstream.kafka().endOffsets(DEAD_LETTER_TOPICS);
        long failuresBefore = countPoison();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers")),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int round = 0; round < ROUNDS; round++) {
                simulator.producer().produce(99L * POISON_PER_ROUND);
                for (int i = 0; i < POISON_PER_ROUND; i++) {
                    producer.send(Poison.record(round * POISON_PER_ROUND + i, OWN_TOPICS));
                }
                producer.flush();
            }
        }
        upstream.kafka().awaitConsumed(GROUP, TOPICS, Duration.ofSeconds(240));

        List<ConsumerRecord<String, byte[]>> deadLettered = readDeadLetters(deadLettersBefore);
        assertThat(deadLettered).hasSize(ROUNDS * POISON_PER_ROUND).allSatisfy(record -> {
            assertThat(record.headers().lastHeader(DeadLetters.REASON_HEADER)).isNotNull();
            assertThat(record.headers().lastHeader("kafka_dlt-original-topic").value()).isNotEmpty();
            assertThat(record.headers().lastHeader("kafka_dlt-original-offset").value()).isNotEmpty();
        });
        assertThat(countPoison() - failuresBefore).isEqualTo(ROUNDS * POISON_PER_ROUND);
        assertThat(poisonReasons()).allSatisfy(reason -> assertThat(reason).matches(Poison.REASONS));
        assertReadModelIsTheTruth();
    }

    @Test
    void thinEventsDuringASourceOutageOpenTheCircuitAndAreReDrivenAfterRecovery() throws Exception {
        simulator.producer().update(new ProducerSettings(0, DomainMix.only(Domain.PRODUCT), 1.0, 0, 3));
        simulator.faults().set(new Faults(null, new SourceApiFaults(0, 0, true)));

        simulator.producer().produce(2_000);
        upstream.kafka().awaitConsumed(GROUP, TOPICS, Duration.ofSeconds(120));

        CircuitBreaker.State during = sourceApi.circuitBreaker().getState();
        long deferred = failures.list(OWN_TOPICS.of(Domain.PRODUCT), FailureStatus.NEW, 10_000).stream()
                .filter(IngestFailure::retryable).count();
        assertThat(during).isIn(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN);
        assertThat(deferred).isPositive();
        assertThat(simulator.stats().snapshot().apiOutageRejections()).isLessThan(deferred);

        simulator.faults().set(Faults.NONE);
        Awaitility.await("the re-driver replays every deferred event").atMost(Duration.ofSeconds(90))
                .until(() -> failures.findReplayable(OWN_TOPICS.of(Domain.PRODUCT), 1).isEmpty());

        assertThat(sourceApi.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertReadModelIsTheTruth();
    }

    @Test
    void everyWriteRanAtTheWriteLevelAndIdempotentAndEveryReadAtTheReadLevel() throws Exception {
        // given every kind of statement the app makes: events written, a poison record stored, thin events
        // deferred while their source is down and re-driven (claimed) once it is back
        simulator.producer().produce(200);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers")),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(Poison.record(0, OWN_TOPICS)).get();
        }
        simulator.producer().update(new ProducerSettings(0, DomainMix.only(Domain.PRODUCT), 1.0, 0, 3));
        simulator.faults().set(new Faults(null, new SourceApiFaults(0, 0, true)));
        simulator.producer().produce(50);
        upstream.kafka().awaitConsumed(GROUP, TOPICS, Duration.ofSeconds(120));
        simulator.faults().set(Faults.NONE);
        Awaitility.await("the re-driver replays every deferred event").atMost(Duration.ofSeconds(90))
                .until(() -> failures.findReplayable(OWN_TOPICS.of(Domain.PRODUCT), 1).isEmpty());

        List<StatementConsistency.Seen> appStatements = STATEMENTS.all().stream()
                .filter(seen -> !seen.cql().contains("schema_migration") && !seen.cql().contains("system")).toList();
        List<StatementConsistency.Seen> writes = appStatements.stream().filter(StatementConsistency.Seen::write).toList();
        List<StatementConsistency.Seen> reads = appStatements.stream().filter(seen -> !seen.write()).toList();

        assertThat(STATEMENTS.naming("UPDATE shop_product")).as("read-model writes").isNotEmpty();
        assertThat(STATEMENTS.naming("INSERT INTO ingest_failure")).as("failure store writes").isNotEmpty();
        assertThat(STATEMENTS.naming("redrive_claim")).as("re-drive claims").isNotEmpty();
        assertThat(writes).allSatisfy(write -> {
            assertThat(write.level()).as(write.cql()).isEqualTo(DefaultConsistencyLevel.ALL);
            assertThat(write.idempotent()).as("idempotent: " + write.cql()).isEqualTo(!write.conditional());
        });
        assertThat(reads).isNotEmpty().allSatisfy(read -> assertThat(read.level()).as(read.cql())
                .isEqualTo(DefaultConsistencyLevel.ONE));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class RecordedStatements {
        @Bean
        CqlSessionBuilderCustomizer recordStatements() {
            return builder -> builder.addRequestTracker(STATEMENTS);
        }
    }

    private void assertReadModelIsTheTruth() {
        ReadModelOracle.Result truth = ReadModelOracle.compare(simulator.truth(), session, SHOPS);
        assertThat(truth.matches()).as(truth.toString()).isTrue();
        assertThat(truth.totalEntities()).isGreaterThan(6_000);
    }

    /**
     * Failures that are not retryable: the poison. A thin event whose source call timed out on a busy
     * machine is a retryable failure, deferred and re-driven, and not what this counts.
     */
    private long countPoison() {
        return poisonReasons().size();
    }

    private List<String> poisonReasons() {
        return TOPICS.stream().flatMap(topic -> failures.list(topic, null, 100_000).stream())
                .filter(failure -> !failure.retryable()).map(IngestFailure::reason).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> readDeadLetters(Map<TopicPartition, Long> from) throws Exception {
        Map<TopicPartition, Long> to = upstream.kafka().endOffsets(DEAD_LETTER_TOPICS);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(to.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (to.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
