package com.storefront.display.reconciler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.source.SourceApi;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.reconciler.TestUpstream;
import com.storefront.display.reconciler.reconcile.DriftRecords;
import com.storefront.display.simulator.EmbeddedSimulator;
import com.storefront.display.simulator.LostEvents;
import com.storefront.display.simulator.Simulator;
import com.storefront.display.simulator.fault.EventFaults;
import com.storefront.display.simulator.fault.Faults;
import com.storefront.display.simulator.producer.DomainMix;
import com.storefront.display.simulator.producer.ProducerSettings;
import com.storefront.display.testkit.cassandra.TestKeyspace;
import com.storefront.display.testkit.ops.Execution;
import com.storefront.display.testkit.ops.OpsClient;
import com.storefront.display.testkit.truth.ReadModelOracle;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reconciliation against a stream that lost events: the simulator drops 2% of them on the way to Kafka
 * and knows which entities' latest change was lost; reconcile must find exactly those as drift, repair
 * them, and a second run must find none. A reconcile running while the stream writes newer changes must
 * not overwrite them.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "display.metadata-dir=./target/it-metadata-${random.uuid}",
        "display.reconciler.partitions=3",
        "display.reconciler.drift-samples=100000",
        "display.reconciler.schedule.enabled=false"})
class DriftAfterLostEventsIT {

    private static final String KEYSPACE = TestKeyspace.unique("reconciler_drift_it");
    private static final int SHOPS = 80;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    static EmbeddedSimulator embedded;

    @Value("${local.server.port}")
    int port;

    @Autowired
    CqlSession session;

    @Autowired
    DisplayWriter writer;

    @Autowired
    SourceApi sourceApi;

    @Autowired
    DriftRecords driftRecords;

    OpsClient ops;
    Simulator simulator;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        embedded = TestUpstream.forContext(registry, KEYSPACE, SHOPS, 8000, 17);
    }

    @AfterAll
    static void stopUpstream() {
        TestUpstream.stop(embedded, KEYSPACE);
    }

    @BeforeEach
    void upstreamWithoutFaults() {
        ops = OpsClient.local(port).withTimeout(TIMEOUT);
        simulator = embedded.simulator();
        simulator.faults().set(Faults.NONE);
        simulator.producer().update(new ProducerSettings(0, DomainMix.STORE, 0, 0.3, 3));
        if (!loaded) {
            ops.bulkLoad(Map.of()).complete();
            loaded = true;
        }
        // each scenario ends with the read model equal to the truth: what was lost before is repaired
        simulator.stats().lostEvents().forget();
    }

    /** Whether this class's keyspace holds the catalogue yet: each scenario starts from the truth, in any order. */
    static boolean loaded;

    @Test
    void reconcileFindsExactlyTheChangesWhoseEventsWereLostAndASecondRunFindsNone() throws Exception {
        try (ProjectedStream stream = new ProjectedStream(System.getProperty("spring.kafka.bootstrap-servers"), writer, sourceApi)) {
            simulator.faults().set(new Faults(new EventFaults(2, 0, 0, 0, 0, 0, 0), null));
            simulator.producer().produce(6_000);
            stream.awaitCaughtUp(TIMEOUT);
        }
        Set<String> expected = expectedDrift(simulator.stats().lostEvents().entities());

        Execution first = ops.reconcile(Map.of());
        first.complete();
        Execution second = ops.reconcile(Map.of());
        second.complete();

        Set<String> found = new HashSet<>();
        for (DriftRecords.Sample sample : driftRecords.samples(first.id(), 100_000)) {
            found.add(sample.domain() + " " + sample.shopId() + "/" + sample.entityId());
        }
        Execution.RunReport report = first.report();
        assertThat(simulator.stats().dropped.get()).as("events dropped").isGreaterThan(50);
        assertThat(found).as(report.toString()).isEqualTo(expected);
        assertThat(report.drift().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(expected.size());
        assertThat(report.repaired()).isEqualTo(report.drift());
        assertThat(second.report().drift()).isEmpty();
        ReadModelOracle.Result truth = ReadModelOracle.compare(simulator.truth(), session, SHOPS);
        assertThat(truth.matches()).as(truth.toString()).isTrue();
    }

    @Test
    void aReconcileRunningWhileTheStreamWritesNewerChangesNeverOverwritesThem() throws Exception {
        try (ProjectedStream stream = new ProjectedStream(System.getProperty("spring.kafka.bootstrap-servers"), writer, sourceApi)) {
            simulator.faults().set(new Faults(new EventFaults(2, 0, 0, 0, 0, 0, 0), null));
            simulator.producer().produce(2_000);
            simulator.faults().set(Faults.NONE);
            simulator.producer().update(new ProducerSettings(400, DomainMix.STORE, 0, 0.3, 3));
            simulator.producer().start();
            Execution reconcile = ops.reconcile(Map.of());
            reconcile.complete();
            simulator.producer().stop();
            stream.awaitCaughtUp(TIMEOUT);

            assertThat(reconcile.report().drift()).as("drift").isNotEmpty();
            assertThat(stream.applied()).isGreaterThan(2_000);
        }
        ReadModelOracle.Result truth = ReadModelOracle.compare(simulator.truth(), session, SHOPS);
        assertThat(truth.matches()).as(truth.toString()).isTrue();
    }

    /**
     * The lost entities as drift keys; a lost stock or price change of a product gone at its source is
     * not drift of its own: the product's row goes whole.
     */
    private Set<String> expectedDrift(Set<LostEvents.Entity> lost) {
        Set<String> expected = new HashSet<>();
        for (LostEvents.Entity entity : lost) {
            boolean rowGone = (entity.domain() == Domain.STOCK || entity.domain() == Domain.PRICE)
                    && simulator.truth().find(Domain.PRODUCT, entity.entityId()).isEmpty();
            if (!rowGone) {
                expected.add(entity.domain().sourcePath() + " " + entity.shopId() + "/" + entity.entityId());
            }
        }
        return expected;
    }
}
