package com.storefront.display.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.localstack.kafka.KafkaPositions;
import com.storefront.display.localstack.cassandra.StandaloneCassandra;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.simulator.EmbeddedSimulator;
import com.storefront.display.simulator.Simulator;
import com.storefront.display.simulator.SimulatorStats;
import com.storefront.display.simulator.fault.Faults;
import com.storefront.display.simulator.producer.DomainMix;
import com.storefront.display.simulator.producer.ProducerSettings;
import com.storefront.display.testkit.truth.ReadModelOracle;
import com.storefront.display.testkit.truth.TruthWrites;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Cassandra process stops for 30 s while 100,000 events are produced, then starts again. Ingest
 * must retry with the consumer paused, commit nothing it did not write, and once Cassandra is back
 * drain the lag until the read model equals the truth. The Cassandra is this test's own (free ports,
 * own data), so the shared stack keeps running; Kafka is the shared one.
 */
@WithLocalStack
@SpringBootTest(properties = {"display.ingest.retry.max-interval=2s", "display.cassandra.reconnect-max-delay=2s",
        "display.topics.prefix=" + CassandraOutageIT.PREFIX})
@DirtiesContext
class CassandraOutageIT {

    private static final Logger log = LoggerFactory.getLogger(CassandraOutageIT.class);

    static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000);
    static final String GROUP = "ingest-outage-it-" + RUN;
    /** Topics of this test's own: nothing it publishes reaches another test's, a benchmark's or the demo's consumers. */
    static final String PREFIX = "it-ingest-outage.";
    static final List<String> TOPICS = new Topics(PREFIX).all();
    static final int SHOPS = 200;
    /** 100,000 events at 5,000/s: produced until 12 s into the outage; 200,000 with {@code -Dcassandra-outage.events=200000}. */
    static final int EVENTS = Integer.getInteger("cassandra-outage.events", 100_000);
    static final int RATE = 5_000;
    static final Duration OUTAGE = Duration.ofSeconds(30);

    static StandaloneCassandra cassandra;
    static EmbeddedSimulator embedded;
    static KafkaPositions kafka;

    @Autowired
    CqlSession session;

    @Autowired
    DisplayWriter writer;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void ownCassandraAndUpstream(DynamicPropertyRegistry registry) throws Exception {
        cassandra = StandaloneCassandra.start("ingest-outage-it");
        cassandra.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        String bootstrap = System.getProperty("spring.kafka.bootstrap-servers");
        embedded = EmbeddedSimulator.start(Map.of("spring.kafka.bootstrap-servers", bootstrap,
                "display.simulator.catalogue.shops", Integer.toString(SHOPS),
                "display.simulator.catalogue.products", "20000", "display.simulator.catalogue.seed", RUN,
                "display.topics.prefix", PREFIX));
        kafka = new KafkaPositions(bootstrap);
        kafka.awaitTopics(TOPICS, Duration.ofSeconds(30));
        kafka.startGroupAtEnd(GROUP, TOPICS);
        registry.add("display.source.base-url", embedded::baseUrl);
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
    }

    @AfterAll
    static void stopAll() {
        if (embedded != null) {
            embedded.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (cassandra != null) {
            cassandra.close();
        }
    }

    @Test
    void everyEventLandsWhenCassandraStopsFor30SecondsWhileEventsAreProduced() throws Exception {
        Simulator simulator = embedded.simulator();
        simulator.faults().set(Faults.NONE);
        TruthWrites.load(simulator.truth(), writer);
        simulator.producer().update(new ProducerSettings(RATE, DomainMix.STORE, 0.2, 0.5, 2));
        CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> simulator.producer().produce(EVENTS));

        Awaitility.await("ingest writing the stream").atMost(Duration.ofMinutes(1))
                .until(() -> simulator.stats().snapshot().sent() >= 3L * RATE && counted("display.ingest.events") > RATE);
        long beforeOutage = simulator.stats().snapshot().sent();
        cassandra.stop();
        long stoppedAt = System.nanoTime();
        // in-flight writes fail within the request timeout; from then on nothing may be committed
        TimeUnit.SECONDS.sleep(8);
        Map<TopicPartition, Long> committedEarlyInOutage = kafka.committed(GROUP);
        TimeUnit.NANOSECONDS.sleep(OUTAGE.toNanos() - (System.nanoTime() - stoppedAt));
        Map<TopicPartition, Long> committedLateInOutage = kafka.committed(GROUP);
        long lagAtRestart = kafka.lag(GROUP, TOPICS);
        cassandra.startAgain();
        long restartedAt = System.nanoTime();
        producing.get(5, TimeUnit.MINUTES);
        kafka.awaitConsumed(GROUP, TOPICS, Duration.ofMinutes(4));
        log.info("outage: {} events sent before it, lag {} at restart, drained {} s after the restart",
                beforeOutage, lagAtRestart, (System.nanoTime() - restartedAt) / 1_000_000_000);

        SimulatorStats.Snapshot stats = simulator.stats().snapshot();
        assertThat(beforeOutage).as("ingest was running before the outage").isPositive();
        assertThat(stats.sent()).isGreaterThanOrEqualTo(EVENTS);
        assertThat(committedLateInOutage).as("no offset committed while Cassandra was down")
                .isEqualTo(committedEarlyInOutage);
        assertThat(lagAtRestart).as("events kept arriving during the outage").isPositive();
        assertThat(counted("display.ingest.batch.failed.attempts")).as("polls retried during the outage").isPositive();
        ReadModelOracle.Result truth = ReadModelOracle.compare(simulator.truth(), session, SHOPS);
        assertThat(truth.matches()).as(truth.toString()).isTrue();
        assertThat(truth.totalEntities()).isGreaterThan(20_000);
        // every event counted once, after its batch was written: a retried batch is not counted again
        assertThat(counted("display.ingest.events")).isEqualTo(stats.sent());
        assertThat(counted("display.ingest.dead.lettered")).isZero();
        assertThat(counted("display.ingest.deferred")).isZero();
        assertThat(session.execute("SELECT count(*) FROM ingest_failure").one().getLong(0)).isZero();
    }

    private long counted(String counter) {
        return (long) meters.find(counter).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
