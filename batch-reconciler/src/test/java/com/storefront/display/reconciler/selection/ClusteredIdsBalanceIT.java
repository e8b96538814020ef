package com.storefront.display.reconciler.selection;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.ReviewSummaryState;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.reconciler.TestUpstream;
import com.storefront.display.simulator.EmbeddedSimulator;
import com.storefront.display.simulator.catalogue.Catalogue;
import com.storefront.display.simulator.truth.SourceOfTruth;
import com.storefront.display.testkit.cassandra.TestKeyspace;
import com.storefront.display.testkit.ops.Execution;
import com.storefront.display.testkit.ops.OpsClient;
import com.storefront.display.testkit.truth.ReadModelEdits;
import com.storefront.display.testkit.truth.ReadModelOracle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Partitions of equal work for a sparse, clustered id space: the source's shop, product and coupon ids
 * sit in three blocks billions apart, and three foreign shops beyond 8 billion are in the read model. No
 * partition of a bulk load (per domain: its partitions are per domain) or of a reconcile reads more than
 * twice its mean. Equal slices of the id range, as partitions were cut before, put a third of the items
 * into one of eight partitions and leave three of them empty.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "display.metadata-dir=./target/it-metadata-${random.uuid}",
        "display.reconciler.partitions=8",
        "display.reconciler.schedule.enabled=false"})
class ClusteredIdsBalanceIT {

    private static final String KEYSPACE = TestKeyspace.unique("reconciler_clustered_it");
    private static final int SHOPS = 300;
    private static final long PRODUCTS = 30_000;
    private static final int PARTITIONS = 8;
    private static final long[] FAR = {8_400_000_001L, 8_400_000_002L, 8_400_000_003L};
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);

    static EmbeddedSimulator embedded;

    @Value("${local.server.port}")
    int port;

    @Autowired
    CqlSession session;

    @Autowired
    DisplayWriter writer;

    OpsClient ops;
    SourceOfTruth truth;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        embedded = TestUpstream.forContext(registry, KEYSPACE, TestUpstream.simulator(SHOPS, PRODUCTS, 23, 3));
    }

    @AfterAll
    static void stopUpstream() {
        TestUpstream.stop(embedded, KEYSPACE);
    }

    @BeforeEach
    void client() {
        ops = OpsClient.local(port).withTimeout(JOB_TIMEOUT);
        truth = embedded.simulator().truth();
    }

    @Test
    void bulkLoadAndReconcileOfIdsInThreeFarApartBlocksCutPartitionsOfEqualWork() {
        assertThat(truth.catalogue().maxId(Domain.PRODUCT)).as("the source's largest product id")
                .isGreaterThan(2 * Catalogue.BLOCK_GAP);

        Execution.View loaded = ops.bulkLoad(Map.of()).complete();

        assertThat(loaded.status()).isEqualTo("COMPLETED");
        Map<String, List<Execution.Partition>> byDomain = loaded.partitions().items().stream()
                // a partition's name is step:domain:range
                .collect(Collectors.groupingBy(partition -> partition.name().split(":")[1]));
        assertThat(byDomain).hasSize(Domain.values().length);
        byDomain.forEach((domain, partitions) -> assertBalanced("bulk load of " + domain, partitions));
        ReadModelOracle.Result loadedTruth = ReadModelOracle.compareCatalogue(truth, session);
        assertThat(loadedTruth.matches()).as(loadedTruth.toString()).isTrue();
        assertThat(loaded.readCount()).isEqualTo(loadedTruth.totalEntities());

        ReadModelEdits edits = new ReadModelEdits(truth, writer, session);
        for (long shop : FAR) {
            edits.orphan(Domain.REVIEW, shop, shop, new ReviewSummaryState(4.0, 2), 60);
        }
        Execution reconcile = ops.reconcile(Map.of());
        Execution.View reconciled = reconcile.complete();

        assertThat(reconciled.readCount()).as("shops visited").isEqualTo(SHOPS + FAR.length);
        assertBalanced("reconcile", reconciled.partitions().items());
        assertThat(reconcile.report().drift()).isEqualTo(Map.of("review-summaries:orphan", (long) FAR.length));
        ReadModelOracle.Result repaired = ReadModelOracle.compareCatalogue(truth, session);
        assertThat(repaired.matches()).as(repaired.toString()).isTrue();
        assertThat(ReadModelOracle.compare(truth, session, FAR[0], FAR[FAR.length - 1], List.of(Domain.values()))
                .readModelEntities()).as("the foreign shops' entities").allSatisfy((domain, count) -> assertThat(count).isZero());
    }

    private static void assertBalanced(String job, List<Execution.Partition> partitions) {
        long read = partitions.stream().mapToLong(Execution.Partition::readCount).sum();
        assertThat(partitions).as(job + " partitions").hasSize(PARTITIONS)
                .allSatisfy(partition -> assertThat(partition.status()).isEqualTo("COMPLETED"));
        assertThat(partitions).as(job + ": items per partition, mean " + read / PARTITIONS + ": " + partitions)
                .allSatisfy(partition -> assertThat(partition.readCount()).isLessThanOrEqualTo(2 * read / PARTITIONS));
    }
}
