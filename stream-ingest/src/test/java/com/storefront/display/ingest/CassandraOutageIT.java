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
import com.storefront.display.core.failure.FailureStore;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.localstack.cassandra.StandaloneCassandra;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.simulator.Simulator;
import com.storefront.display.simulator.SimulatorStats;
import com.storefront.display.simulator.fault.Faults;
import com.storefront.display.simulator.producer.DomainMix;
import com.storefront.display.simulator.producer.ProducerSettings;
import com.storefront.display.testkit.truth.ReadModelOracle;
import com.storefront.display.testkit.truth.TruthWrites;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Cassandra process stops for 15 s (30 s with {@code -Dcassandra-outage.seconds=30}) while 100,000
 * events are produced, then starts again. Ingest
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
    /** The outage: long enough for every in-flight write to fail and the consumer to be paused and retried. */
    static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("cassandra-outage.seconds", 15));

    static StandaloneCassandra cassandra;
    static TestUpstream upstream;

    @Autowired
    CqlSession session;

    @Autowired
    DisplayWriter writer;

    @Autowired
    FailureStore failures;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void ownCassandraAndUpstream(DynamicPropertyRegistry registry) throws Exception {
        cassandra = StandaloneCassandra.start("ingest-outage-it");
        cassandra.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        upstream = TestUpstream.start(new Topics(PREFIX), GROUP, SHOPS, 20_000, RUN).register(registry);
    }

    @AfterAll
    static void stopAll() {
        if (upstream != null) {
            upstream.close();
        }
        if (cassandra != null) {
            cassandra.close();
        }
    }

    @Test
    void everyEventLandsWhenCassandraStopsWhileEventsAreProduced() throws Exception {
        Simulator simulator = upstream.simulator();
        simulator.faults().set(Faults.NONE);
        TruthWrites.load(simulator.truth(), writer);
        simulator.producer().update(new ProducerSettings(RATE, DomainMix.STORE, 0.2, 0.5, 2));
        CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> simulator.producer().produce(EVENTS));

        Awaitility.await("ingest writing the stream").atMost(Duration.ofMinutes(1))
                .until(() -> simulator.stats().snapshot().sent() >= 3L * RATE && counted("display.ingest.events") > RATE);
        long beforeOutage = simulator.stats().snapshot().sent();
        cassandra.stop();
        long stoppedAt = System.nanoTime();
        // the fault's own duration: in-flight writes fail within the request timeout (5 s); from then on
        // nothing may be committed, which the offsets early and late in the outage show
        TimeUnit.SECONDS.sleep(8);
        Map<TopicPartition, Long> committedEarlyInOutage = upstream.kafka().committed(GROUP);
        TimeUnit.NANOSECONDS.sleep(OUTAGE.toNanos() - (System.nanoTime() - stoppedAt));
        Map<TopicPartition, Long> committedLateInOutage = upstream.kafka().committed(GROUP);
        long lagAtRestart = upstream.lag();
        cassandra.startAgain();
        long restartedAt = System.nanoTime();
        producing.get(5, TimeUnit.MINUTES);
        upstream.kafka().awaitConsumed(GROUP, TOPICS, Duration.ofMinutes(4));
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
        assertThat(TOPICS).allSatisfy(topic -> assertThat(failures.list(topic, null, 1)).as("failures of " + topic).isEmpty());
    }

    private long counted(String counter) {
        return (long) meters.find(counter).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
