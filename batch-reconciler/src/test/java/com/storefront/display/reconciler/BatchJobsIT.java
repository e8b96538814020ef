package com.storefront.display.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.Condition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.OpeningHoursState;
import com.storefront.display.core.domain.PriceState;
import com.storefront.display.core.domain.ProductState;
import com.storefront.display.core.domain.ReviewSummaryState;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourceVersions;
import com.storefront.display.core.write.DisplayTable;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.reconciler.reconcile.ReadModelShop;
import com.storefront.display.reconciler.reconcile.ReconcilePhases;
import com.storefront.display.reconciler.reconcile.StoredEntity;
import com.storefront.display.reconciler.selection.ReadModelShopIds;
import com.storefront.display.simulator.EmbeddedSimulator;
import com.storefront.display.simulator.Simulator;
import com.storefront.display.simulator.truth.Change;
import com.storefront.display.testkit.cassandra.ShopPages;
import com.storefront.display.testkit.cassandra.TestKeyspace;
import com.storefront.display.testkit.ops.Execution;
import com.storefront.display.testkit.ops.OpsClient;
import com.storefront.display.testkit.truth.ReadModelEdits;
import com.storefront.display.testkit.truth.ReadModelOracle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The three jobs through the ops API against the real Cassandra and the simulator's source APIs:
 * bulk load, reconcile (dry run and repair) and backfill, each judged by the read-model oracle.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "display.metadata-dir=./target/it-metadata-${random.uuid}",
        "display.reconciler.partitions=3",
        "display.reconciler.drift-samples=1000",
        "display.reconciler.schedule.enabled=false"})
class BatchJobsIT {

    private static final String KEYSPACE = TestKeyspace.unique("reconciler_jobs_it");
    private static final int SHOPS = 60;
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);
    /**
     * Orphan products of one shop: 20,000 here, 150,000 (more row tombstones than Cassandra's default
     * tombstone_failure_threshold lets one read walk) with {@code -Dlarge-deletions.rows=150000}, as
     * LargeDeletionsIT; the same code path at either size.
     */
    private static final int DELISTED = Integer.getInteger("large-deletions.rows", 20_000);
    private static final Logger LOG = LoggerFactory.getLogger(BatchJobsIT.class);

    static EmbeddedSimulator embedded;

    @Value("${local.server.port}")
    int port;

    @Autowired
    CqlSession session;

    @Autowired
    DisplayWriter writer;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ReadModelShop readModel;

    @Autowired
    ReadModelShopIds shopIds;

    OpsClient ops;
    Simulator simulator;
    ReadModelEdits edits;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        embedded = TestUpstream.forContext(registry, KEYSPACE, SHOPS, 6000, 7);
    }

    @AfterAll
    static void stopUpstream() {
        TestUpstream.stop(embedded, KEYSPACE);
    }

    /**
     * Whether a bulk load has filled this class's keyspace: every scenario starts from the read model equal to
     * the truth (and ends so), in any order, each runnable alone.
     */
    static boolean loaded;

    @BeforeEach
    void readModelLoaded() {
        ops = OpsClient.local(port).withTimeout(JOB_TIMEOUT);
        simulator = embedded.simulator();
        edits = new ReadModelEdits(simulator.truth(), writer, session);
        if (!loaded) {
            ops.bulkLoad(Map.of()).complete();
            loaded = true;
        }
    }

    @Test
    void bulkLoadWritesEveryEntityOfEveryDomainAsTheSourceHasIt() {
        Execution.View loaded = ops.bulkLoad(Map.of()).complete();

        ReadModelOracle.Result truth = assertReadModelIsTheTruth();
        assertThat(truth.readModelEntities()).isEqualTo(truth.entities());
        assertThat(loaded.readCount()).isEqualTo(truth.totalEntities());
        assertThat(loaded.writeCount()).isEqualTo(truth.totalEntities());
        assertThat(loaded.progress().percent()).isEqualTo(100.0);
        assertThat(loaded.partitions().completed()).isEqualTo(loaded.partitions().total())
                .isEqualTo(Domain.values().length * 3);
        assertThat(loaded.partitions().items()).hasSize(loaded.partitions().total())
                .allSatisfy(partition -> assertThat(partition.status()).isEqualTo("COMPLETED"));
        assertThat(loaded.partitions().items().stream().mapToLong(Execution.Partition::readCount).sum())
                .isEqualTo(loaded.readCount());
    }

    @Test
    void reconcileAfterABulkLoadFindsNoDriftAndTimesEachPhase() {
        List<String> phases = List.of("source-listing", "read-model-read", "comparison", "repair-write");
        Map<String, Long> before = new java.util.HashMap<>();
        phases.forEach(phase -> before.put(phase, phaseCount(phase)));

        Execution reconcile = ops.reconcile(Map.of());
        Execution.View view = reconcile.complete();

        assertThat(reconcile.report().drift()).as("drift").isEmpty();
        assertThat(reconcile.report().status()).isEqualTo("COMPLETED");
        // each shop visited was listed, read and compared once, timed as such
        for (String phase : phases.subList(0, 3)) {
            assertThat(phaseCount(phase) - before.get(phase)).as(phase).isEqualTo(view.readCount());
            assertThat(meters.get(ReconcilePhases.TIMER).tag("phase", phase).timer().totalTime(TimeUnit.NANOSECONDS)).as(phase).isPositive();
        }
        assertThat(phaseCount("repair-write") - before.get("repair-write")).as("chunks written").isPositive();
    }

    private long phaseCount(String phase) {
        Timer timer = meters.find(ReconcilePhases.TIMER).tag("phase", phase).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void reconcileClassifiesEachKindOfDriftReportsItInADryRunAndRepairsItOtherwise() {
        // given one drift of each kind: source changes whose events were lost, and cells changed behind
        // the projections' back
        long shop = 3;
        long listed = simulator.truth().catalogue().idRange(Domain.PRODUCT, shop)[1];
        long deleted = simulator.truth().listShop(Domain.PRODUCT, shop).get(0).id();
        long stocked = simulator.truth().listShop(Domain.STOCK, shop).get(1).id();
        long priced = simulator.truth().listShop(Domain.PRICE, shop).get(2).id();
        simulator.truth().upsert(Domain.PRODUCT, listed);
        simulator.truth().delete(Domain.PRODUCT, deleted);
        simulator.truth().upsert(Domain.STOCK, stocked);
        edits.mismatch(Domain.PRICE, priced, new PriceState(999_999_999, 0));
        edits.orphan(Domain.REVIEW, 1000, 1000, new ReviewSummaryState(1.0, 1), 60);

        Execution.RunReport dryRun = reconciled(OpsClient.dryRun());
        Execution repair = ops.reconcile(Map.of());
        repair.complete();
        Execution.RunReport again = reconciled(Map.of());

        Map<String, Long> expected = Map.of("products:missing", 1L, "stock:stale", 1L, "prices:mismatch", 1L,
                "products:orphan", 1L, "review-summaries:orphan", 1L);
        assertThat(dryRun.drift()).as("dry run's drift").isEqualTo(expected);
        assertThat(dryRun.repaired()).as("dry run's repairs").isEmpty();
        assertThat(dryRun.dryRun()).isTrue();
        assertThat(repair.report().drift()).as("drift").isEqualTo(expected);
        assertThat(repair.report().repaired()).as("repairs").isEqualTo(expected);
        assertThat(again.drift()).as("drift after the repair").isEmpty();
        assertThat(repair.samples()).contains("\"entityId\":" + listed, "\"entityId\":" + deleted,
                "\"entityId\":" + stocked, "\"entityId\":" + priced, "\"shopId\":1000");
        assertReadModelIsTheTruth();
        assertThat(ReadModelOracle.compare(simulator.truth(), session, 1000, 1000, List.of(Domain.values())).readModelEntities())
                .as("the orphan shop's entities").allSatisfy((domain, count) -> assertThat(count).isZero());
    }

    @Test
    void backfillRewritesTheChosenDomainsOfTheChosenShopsOnly() {
        List<Domain> rewritten = List.of(Domain.PRODUCT, Domain.STOCK, Domain.PRICE);
        edits.lose(DisplayTable.SHOP_PRODUCT);

        Execution.View backfill = ops.backfill(Map.of("shops", "5-9", "domains", "products,stock,prices")).complete();

        ReadModelOracle.Result chosen = ReadModelOracle.compare(simulator.truth(), session, 5, 9, rewritten);
        assertThat(chosen.matches()).as(chosen.toString()).isTrue();
        assertThat(chosen.readModelEntities().get(Domain.PRODUCT)).isPositive();
        assertThat(backfill.readCount()).as("shops read").isEqualTo(5);
        for (long[] others : new long[][] {{1, 4}, {10, SHOPS}}) {
            assertThat(ReadModelOracle.compare(simulator.truth(), session, others[0], others[1], rewritten).readModelEntities())
                    .as("shops %d..%d", others[0], others[1]).allSatisfy((domain, count) -> assertThat(count).isZero());
        }

        ops.bulkLoad(Map.of("domains", "products,stock,prices")).complete();
        assertReadModelIsTheTruth();
    }

    @Test
    void aFewShopIdsFarAwayDoNotPutTheOtherShopsIntoOnePartition() {
        // given the catalogue's shops 1..60 and three foreign shops beyond 8 billion in the read model
        long[] far = {8_400_000_001L, 8_400_000_002L, 8_400_000_003L};
        for (long shop : far) {
            edits.orphan(Domain.REVIEW, shop, shop, new ReviewSummaryState(4.0, 2), 60);
        }

        Execution dryRun = ops.reconcile(OpsClient.dryRun());
        Execution.View view = dryRun.complete();

        List<Execution.Partition> partitions = view.partitions().items();
        assertThat(partitions).hasSize(3).allSatisfy(partition -> {
            assertThat(partition.status()).isEqualTo("COMPLETED");
            assertThat(partition.worker()).as("the instance that ran " + partition.name())
                    .endsWith(":" + ProcessHandle.current().pid());
        });
        long shopsRead = partitions.stream().mapToLong(Execution.Partition::readCount).sum();
        // shops only the read model ever held stay in the append-only shop_directory (those an earlier
        // scenario emptied too): a visit costs one empty read, an enumeration never a tombstone
        long onlyInReadModel = shopIds.between(SHOPS + 1, Long.MAX_VALUE).size();
        assertThat(onlyInReadModel).isGreaterThanOrEqualTo(far.length);
        assertThat(shopsRead).isEqualTo(SHOPS + onlyInReadModel).isEqualTo(view.readCount());
        assertThat(partitions).as("shops per partition").allSatisfy(partition ->
                assertThat(partition.readCount()).isLessThanOrEqualTo(2 * shopsRead / partitions.size()));
        assertThat(dryRun.report().drift()).isEqualTo(Map.of("review-summaries:orphan", (long) far.length));

        ops.reconcile(Map.of()).complete();
        assertReadModelIsTheTruth();
    }

    @Test
    void aLargeDelistingIsRepairedWithFewTombstonesSoTheShopStillReadsAndReconciles() {
        // given DELISTED products of one shop that its source no longer has (a delisting whose events were
        // lost), after the shop's listed products in id order, and a foreign shop whose every product is an orphan
        long shop = 7;
        long foreign = 8_500_000_001L;
        ProductState gone = new ProductState("gone", "none", "", 100, ProductState.DisplayStatus.ON_SALE);
        edits.orphans(Domain.PRODUCT, shop, 1_000_000_000_000L, DELISTED, gone, 60);
        edits.orphans(Domain.PRODUCT, foreign, 1, 5, gone, 60);

        long started = System.nanoTime();
        Execution repair = ops.reconcile(Map.of());
        repair.complete();
        long reconciled = System.nanoTime();
        List<Long> paged = ShopPages.pageThrough(session, shop);
        long read = System.nanoTime();
        Execution.RunReport again = reconciled(Map.of());
        LOG.info("reconcile of {} shops with {} orphan products: {} ms; page read of shop {}: {} products in {} ms",
                SHOPS + 1, DELISTED + 5, (reconciled - started) / 1_000_000, shop, paged.size(), (read - reconciled) / 1_000_000);

        assertThat(repair.report().drift()).isEqualTo(Map.of("products:orphan", DELISTED + 5L));
        assertThat(again.status()).isEqualTo("COMPLETED");
        assertThat(again.drift()).as("drift after the repair").isEmpty();
        assertThat(paged).as("the shop's products, paged as the display API pages them")
                .isEqualTo(simulator.truth().listShop(Domain.PRODUCT, shop).stream().map(item -> item.id()).sorted().toList());
        assertThat(ShopPages.pageThrough(session, foreign)).as("the foreign shop's products").isEmpty();
        assertReadModelIsTheTruth();
    }

    @Test
    void incrementalSyncAppliesEveryOpeningHoursChangeSinceTheBulkLoadOnceAndAStaleItemChangesNothing() {
        // the class's bulk load set the mark; no other scenario changes opening hours
        Set<Long> changed = new TreeSet<>();
        for (long shop = 1; shop <= SHOPS; shop += 2) {
            Change change = shop % 3 == 0 ? simulator.truth().delete(Domain.OPENING_HOURS, shop)
                    : simulator.truth().upsert(Domain.OPENING_HOURS, shop);
            changed.add(change.id());
        }
        simulator.truth().upsert(Domain.OPENING_HOURS, 5);
        long lastChange = simulator.truth().upsert(Domain.OPENING_HOURS, 7).version();
        // shop 11's cell is newer than anything its source says: a stale item must leave it alone
        long stale = 11;
        SourceItem source = simulator.truth().find(Domain.OPENING_HOURS, stale).orElseThrow();
        OpeningHoursState newer = new OpeningHoursState(((OpeningHoursState) source.state()).weekly(), "Asia/Tokyo", List.of());
        long newerVersion = source.version() + SourceVersions.span(Duration.ofSeconds(1));
        writer.writeAllAndWait(List.of(Projections.of(Domain.OPENING_HOURS).upsert(new SourceItem(Domain.OPENING_HOURS, stale,
                stale, newerVersion, newer))), 1);

        Execution.View synced = ops.incrementalSync(Map.of()).complete();

        assertThat(synced.readCount()).as("each changed shop once").isEqualTo(changed.size());
        assertThat(synced.writeCount()).isEqualTo(changed.size());
        assertThat(synced.partitions().items()).extracting(Execution.Partition::name)
                .containsExactly("incremental-sync-partition:opening-hours");
        assertThat(synced.sync().get("opening-hours").mark()).isEqualTo(lastChange);
        assertThat(synced.sync().get("opening-hours").lagSeconds()).isBetween(0.0, 600.0);
        assertThat(meters.get("display.sync.lag").tag("domain", "opening-hours").gauge().value()).isBetween(0.0, 600.0);
        StoredEntity cell = readModel.read(stale).entities().get(Domain.OPENING_HOURS).get(stale);
        assertThat(cell.writeTime()).as("the newer cell's version").isEqualTo(newerVersion);
        assertThat(cell.values()).hasValueSatisfying(new Condition<>(value -> value.toString().contains("Asia/Tokyo"), "in Tokyo"));
        ReadModelOracle.Result others = ReadModelOracle.compare(simulator.truth(), session, 1, 10, List.of(Domain.OPENING_HOURS));
        ReadModelOracle.Result rest = ReadModelOracle.compare(simulator.truth(), session, 12, SHOPS, List.of(Domain.OPENING_HOURS));
        assertThat(others.matches()).as(others.toString()).isTrue();
        assertThat(rest.matches()).as(rest.toString()).isTrue();
        assertThat(others.readModelEntities().get(Domain.OPENING_HOURS) + rest.readModelEntities().get(Domain.OPENING_HOURS))
                .as("hours deleted at the source are gone").isLessThan(SHOPS - 1);

        Execution.View again = ops.incrementalSync(Map.of("domains", List.of("opening-hours"))).complete();
        assertThat(again.readCount()).as("a second run finds nothing new").isZero();
        assertThat(again.sync().get("opening-hours").mark()).isEqualTo(lastChange);

        // the scenario leaves the read model as the source has it, for the next one: the source changes shop
        // 11's hours once more, after the newer cell, and a sync applies that
        Awaitility.await("the source's clock past the newer cell").atMost(Duration.ofSeconds(5))
                .until(() -> SourceVersions.of(Instant.now()) > newerVersion);
        simulator.truth().upsert(Domain.OPENING_HOURS, stale);
        ops.incrementalSync(Map.of("domains", List.of("opening-hours"))).complete();
        assertReadModelIsTheTruth();
    }

    private Execution.RunReport reconciled(Map<String, ?> parameters) {
        Execution reconcile = ops.reconcile(parameters);
        reconcile.complete();
        return reconcile.report();
    }

    private ReadModelOracle.Result assertReadModelIsTheTruth() {
        ReadModelOracle.Result truth = ReadModelOracle.compare(simulator.truth(), session, SHOPS);
        assertThat(truth.matches()).as(truth.toString()).isTrue();
        return truth;
    }
}
