package com.storefront.display.reconciler.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.failure.FailureStore;
import com.storefront.display.core.source.HttpSourceApi;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.reconciler.TestUpstream;
import com.storefront.display.simulator.EmbeddedSimulator;
import com.storefront.display.simulator.fault.Faults;
import com.storefront.display.simulator.fault.SourceApiFaults;
import com.storefront.display.simulator.producer.DomainMix;
import com.storefront.display.simulator.producer.ProducerSettings;
import com.storefront.display.testkit.cassandra.TestKeyspace;
import com.storefront.display.testkit.ops.Execution;
import com.storefront.display.testkit.ops.OpsClient;
import com.storefront.display.testkit.truth.ReadModelOracle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** The ops API of docs/contracts.md: authentication, refusals as problem details, stop and restart, failures. */
@WithLocalStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "display.metadata-dir=./target/it-metadata-${random.uuid}",
        "display.reconciler.partitions=2",
        "display.reconciler.chunk-size=200",
        // at 50% errors the failure rate hovers at 50%: a lower threshold and more attempts per call make
        // the circuit open before any one call runs out of attempts
        "display.source.attempts=8",
        "display.source.failure-rate-threshold=30",
        "display.source.open-for=2s",
        "display.reconciler.schedule.enabled=false"})
class OpsApiIT {

    private static final String KEYSPACE = TestKeyspace.unique("reconciler_ops_it");
    private static final int SHOPS = 40;
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);
    private static final String STOCK_EVENTS = TestUpstream.TOPICS.of(Domain.STOCK);

    static EmbeddedSimulator embedded;

    @Value("${local.server.port}")
    int port;

    @Autowired
    CqlSession session;

    @Autowired
    FailureStore failures;

    @Autowired
    HttpSourceApi sourceApi;

    OpsClient ops;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        embedded = TestUpstream.forContext(registry, KEYSPACE, SHOPS, 4000, 11);
    }

    @AfterAll
    static void stopUpstream() {
        TestUpstream.stop(embedded, KEYSPACE);
    }

    @BeforeEach
    void client() {
        ops = OpsClient.local(port).withTimeout(JOB_TIMEOUT);
        embedded.simulator().faults().set(Faults.NONE);
    }

    @Test
    void everyOpsCallWithoutValidCredentialsIsA401() {
        OpsClient anonymous = new OpsClient("http://127.0.0.1:" + port, null, null);
        OpsClient wrong = new OpsClient("http://127.0.0.1:" + port, "ops", "not-the-password");

        assertThat(anonymous.get("/ops/jobs/executions/1").statusCode()).isEqualTo(401);
        assertThat(anonymous.post("/ops/jobs/reconcile", Map.of()).statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/ops/failures").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/ops/no-such-thing").statusCode()).isEqualTo(401);
        assertThat(wrong.get("/ops/jobs/executions/1").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void badJobRequestsAreRefusedWithA400ProblemBeforeAnythingStarts() {
        assertProblem(ops.post("/ops/jobs/nightly-magic", Map.of()), 400, "unknown job 'nightly-magic'");
        assertProblem(ops.post("/ops/jobs/bulk-load", Map.of("domains", "products,socks")), 400, "unknown domain 'socks'");
        assertProblem(ops.post("/ops/jobs/reconcile", Map.of("shops", "50-10")), 400, "empty");
        assertProblem(ops.post("/ops/jobs/reconcile", Map.of("dryRun", "maybe")), 400, "dryRun must be true or false");
        assertProblem(ops.post("/ops/jobs/reconcile", Map.of("shops", Map.of("from", 1))), 400,
                "must be a string, number, boolean or a list of strings or numbers");
        assertProblem(ops.post("/ops/jobs/reconcile", Map.of("shops", List.of(true))), 400, "or a list of strings or numbers");
        assertProblem(ops.post("/ops/jobs/incremental-sync", Map.of("domains", List.of("opening-hours", "socks"))), 400,
                "unknown domain 'socks'");
        assertProblem(ops.post("/ops/jobs/incremental-sync", Map.of("shops", "1")), 400, "unknown parameter 'shops'");
        assertProblem(ops.post("/ops/jobs/backfill", Map.of("domains", "stock")), 400, "backfill needs 'shops'");
        assertProblem(ops.post("/ops/jobs/reconcile", "{not json"), 400, "");
        assertProblem(ops.post("/ops/jobs/backfill", Map.of("topic", "gossip-events", "since", "2026-11-01T00:00:00Z")), 400,
                "replay needs 'topic'");
        assertProblem(ops.post("/ops/jobs/backfill", Map.of("topic", STOCK_EVENTS, "since", "yesterday")), 400,
                "ISO-8601");
        assertProblem(ops.post("/ops/jobs/backfill", Map.of("topic", STOCK_EVENTS, "since", "2999-01-01T00:00:00Z")), 400,
                "in the future");
        assertProblem(ops.post("/ops/jobs/backfill", Map.of("topic", STOCK_EVENTS, "since", "2026-11-01T00:00:00Z",
                "shops", "1-3")), 400, "'topic' and 'since' only");
        assertProblem(ops.get("/ops/jobs/executions/987654"), 404, "no job execution 987654");
        assertProblem(ops.get("/ops/reconciliation/runs/987654"), 404, "no reconcile execution 987654");
    }

    @Test
    void aStoppedExecutionRestartsAndCompletesAndACompletedOneCannotRestart() {
        // 500 ms a source call: the first chunks commit, and the stop comes seconds before the load could end
        embedded.simulator().faults().set(new Faults(null, new SourceApiFaults(0, 500, false)));
        Execution execution = ops.bulkLoad(Map.of("domains", "products"));
        execution.awaitRead(200);

        Execution.View stopped = execution.stop().awaitEnd();
        embedded.simulator().faults().set(Faults.NONE);
        Execution restarted = execution.restart();
        Execution.View completed = restarted.awaitEnd();

        assertThat(stopped.status()).isEqualTo("STOPPED");
        assertThat(completed.status()).as(completed.toString()).isEqualTo("COMPLETED");
        ReadModelOracle.Result products = ReadModelOracle.compare(embedded.simulator().truth(), session, SHOPS,
                List.of(Domain.PRODUCT));
        assertThat(products.readModelEntities()).isEqualTo(products.entities());
        assertProblem(restarted.restartRequest(), 409, "cannot be restarted");
        assertProblem(restarted.stopRequest(), 409, "not running");
    }

    @Test
    void aSourceFailingHalfTheTimeOpensTheCircuitFailsTheStepCleanlyAndARestartCompletes() {
        AtomicInteger opened = new AtomicInteger();
        sourceApi.circuitBreaker().getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                opened.incrementAndGet();
            }
        });
        embedded.simulator().faults().set(new Faults(null, new SourceApiFaults(50, 0, false)));

        Execution execution = ops.bulkLoad(Map.of("domains", "stock,prices"));
        Execution.View failed = execution.awaitEnd();
        embedded.simulator().faults().set(Faults.NONE);
        awaitCircuitLettingCallsThrough(sourceApi.circuitBreaker());
        Execution.View completed = execution.restart().awaitEnd();

        assertThat(failed.status()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(opened).hasPositiveValue();
        assertThat(failed.failures()).as(failed.toString()).anySatisfy(f -> assertThat(f).contains("source-api"));
        assertThat(completed.status()).as(completed.toString()).isEqualTo("COMPLETED");
        ReadModelOracle.Result loaded = ReadModelOracle.compare(embedded.simulator().truth(), session, SHOPS,
                List.of(Domain.STOCK, Domain.PRICE));
        assertThat(loaded.readModelEntities()).isEqualTo(loaded.entities());
    }

    @Test
    void aBackfillReplaysATopicFromAPointInTimeAndOnlyThatTopic() {
        ops.bulkLoad(Map.of()).complete();
        Instant since = Instant.now();
        embedded.simulator().producer().update(new ProducerSettings(0, DomainMix.STORE, 0, 0, 0));
        embedded.simulator().producer().produce(1_500);
        long staleBefore = stockDifferences();

        Execution.View replay = ops.backfill(Map.of("topic", STOCK_EVENTS, "since", since.toString())).complete();

        assertThat(staleBefore).as("stock changed at the source, not yet in the read model").isPositive();
        assertThat(stockDifferences()).isZero();
        assertThat(ReadModelOracle.compare(embedded.simulator().truth(), session, SHOPS, List.of(Domain.PRICE)).totalDifferences())
                .as("prices were not replayed").isPositive();
        assertThat(replay.readCount()).isGreaterThanOrEqualTo(staleBefore);
    }

    @Test
    void failuresAreListedReplayedToTheirTopicAndDiscarded() {
        String topic = TestUpstream.TOPICS.of(Domain.COUPON);
        long now = System.currentTimeMillis();
        String marker = UUID.randomUUID().toString();
        UUID replayed = failures.record(topic, 3, 1_001, now, "17", ("{\"broken\": \"" + marker + "\"").getBytes(StandardCharsets.UTF_8),
                "unreadable JSON", "PoisonRecordException", false);
        UUID discarded = failures.record(topic, 3, 1_002, now + 1, "17", "x".getBytes(StandardCharsets.UTF_8), "unknown type",
                "PoisonRecordException", false);

        OpsClient.Answer listed = ops.get("/ops/failures?topic=" + topic + "&status=NEW");
        OpsClient.Answer replay = ops.post("/ops/failures/" + replayed + "/replay", Map.of());
        OpsClient.Answer again = ops.post("/ops/failures/" + replayed + "/replay", Map.of());
        OpsClient.Answer discard = ops.post("/ops/failures/" + discarded + "/discard", Map.of());

        assertThat(failureIds(listed)).contains(replayed.toString(), discarded.toString());
        assertThat(replay.json().get("status").stringValue()).as(replay.body()).isEqualTo("REPLAYED");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(discard.json().get("status").stringValue()).isEqualTo("DISCARDED");
        assertThat(failureIds(ops.get("/ops/failures?topic=" + topic + "&status=NEW")))
                .doesNotContain(replayed.toString(), discarded.toString());
        assertThat(recordsOn(topic)).anySatisfy(record -> {
            assertThat(record.key()).isEqualTo("17");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains(marker);
        });
        assertProblem(ops.get("/ops/failures?status=LOST"), 400, "status must be one of");
        assertProblem(ops.get("/ops/failures?topic=gossip-events"), 400, "unknown topic 'gossip-events'");
        assertProblem(ops.get("/ops/failures?topic=coupon-events"), 400, "unknown topic 'coupon-events'");
        assertProblem(ops.post("/ops/failures/" + UUID.randomUUID() + "/discard", Map.of()), 404, "no failure");
    }

    /**
     * Waits until the circuit lets a call through again (its open period has passed), taking the probe's
     * permission and giving it back, so the restart's calls find it as a caller would.
     */
    private void awaitCircuitLettingCallsThrough(CircuitBreaker circuit) {
        ops.await("the " + circuit.getName() + " circuit lets calls through", () -> {
            boolean permitted = circuit.tryAcquirePermission();
            if (permitted) {
                circuit.releasePermission();
            }
            return permitted;
        }, permitted -> permitted);
    }

    private static List<String> failureIds(OpsClient.Answer listed) {
        List<String> ids = new ArrayList<>();
        listed.json().forEach(failure -> ids.add(failure.get("failureId").stringValue()));
        return ids;
    }

    private static void assertProblem(OpsClient.Answer response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().get("detail").stringValue()).contains(detail);
    }

    private static List<ConsumerRecord<String, byte[]>> recordsOn(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (System.nanoTime() < deadline && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"));
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(properties);
    }

    private long stockDifferences() {
        return ReadModelOracle.compare(embedded.simulator().truth(), session, SHOPS, List.of(Domain.STOCK)).totalDifferences();
    }
}
