package com.storefront.display.reconciler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

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
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.ProductState;
import com.storefront.display.core.domain.ShopState;
import com.storefront.display.core.domain.StockState;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourceVersions;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.reconciler.TestUpstream;
import com.storefront.display.simulator.EmbeddedSimulator;
import com.storefront.display.simulator.truth.SourceOfTruth;
import com.storefront.display.testkit.cassandra.ShopPages;
import com.storefront.display.testkit.cassandra.TestKeyspace;
import com.storefront.display.testkit.ops.Execution;
import com.storefront.display.testkit.ops.OpsClient;
import com.storefront.display.testkit.truth.ReadModelEdits;
import com.storefront.display.testkit.truth.TruthWrites;

/**
 * Issue 41: no pattern of deletes breaks a shop's page or the reconcile of every shop. Each scenario
 * deletes {@code large-deletions.rows} rows of one shop (20,000 here; 200,000 with
 * {@code -Dlarge-deletions.rows=200000}) in one of the ways a read model loses rows, then runs two
 * reconciles that must complete and reads the shop's pages as display-api reads them. Cassandra warns
 * of a read that walked more than 1,000 tombstones: where these tests say "no warning", a read walked
 * fewer, whatever the size.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "display.metadata-dir=./target/it-metadata-${random.uuid}",
        "display.reconciler.partitions=2",
        "display.reconciler.schedule.enabled=false"})
class LargeDeletionsIT {

    private static final Logger LOG = LoggerFactory.getLogger(LargeDeletionsIT.class);
    private static final String KEYSPACE = TestKeyspace.unique("large_deletions_it");
    private static final int ROWS = Integer.getInteger("large-deletions.rows", 20_000);
    private static final int SHOPS = 8;
    private static final ProductState GONE = new ProductState("gone", "none", "", 100, ProductState.DisplayStatus.ON_SALE);

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
        // two id blocks: the shops of the second sit far above the first's ids, with free ids below their products
        embedded = TestUpstream.forContext(registry, KEYSPACE, TestUpstream.simulator(SHOPS, 800, 41, 2));
    }

    @AfterAll
    static void stopUpstream() {
        TestUpstream.stop(embedded, KEYSPACE);
    }

    @BeforeEach
    void readModelAsTheSource() {
        ops = OpsClient.local(port).withTimeout(Duration.ofMinutes(5));
        truth = embedded.simulator().truth();
        TruthWrites.load(truth, writer);
    }

    @Test
    void aShopWhoseDelistingArrivedAsProductDeletedEventsStillPagesItsLiveProductsAndReconcilesTwice() {
        // given a shop the source still lists, with ROWS products before its live ones that the stream
        // upserted and then deleted: the rows ingest writes for ProductUpserted and ProductDeleted
        long shop = shops().get(SHOPS - 1);
        List<Long> live = liveProducts(shop);
        long first = live.get(0) - ROWS - 1;
        long upserted = SourceVersions.of(Instant.now().minusSeconds(120));
        long deleted = SourceVersions.of(Instant.now().minusSeconds(60));
        writer.writeAllAndWait(LongStream.range(first, first + ROWS).mapToObj(id -> Projections.of(Domain.PRODUCT)
                .upsert(new SourceItem(Domain.PRODUCT, id, shop, upserted, GONE))).toList(), 64);
        writer.writeAllAndWait(LongStream.range(first, first + ROWS).mapToObj(id -> Projections.of(Domain.PRODUCT)
                .delete(shop, id, deleted)).toList(), 64);

        Page before = firstPage(shop);
        Execution.RunReport once = reconciled(shop);
        Execution.RunReport twice = reconciled(shop);
        Page after = firstPage(shop);
        List<Long> paged = ShopPages.pageThrough(session, shop);
        LOG.info("{} ProductDeleted rows before shop {}'s {} live products: first page {} ms with {} (before), reconciles {}, {}; "
                + "first page {} ms after, warnings {}", ROWS, shop, live.size(), before.millis(), before.warnings(), once.status(),
                twice.status(), after.millis(), after.warnings());

        assertThat(before.ids()).as("the first page before any reconcile").isEqualTo(live.subList(0, 20));
        assertThat(before.warnings()).as("the stream's row tombstones are walked until consolidated").isNotEmpty();
        assertThat(once.status()).isEqualTo("COMPLETED");
        assertThat(once.drift()).as("a deleted row is no drift").isEmpty();
        assertThat(twice.status()).isEqualTo("COMPLETED");
        assertThat(twice.drift()).isEmpty();
        assertThat(after.warnings()).as("the row tombstones under the reconcile's consolidating range").isEmpty();
        assertThat(paged).isEqualTo(live);
    }

    /**
     * The orphan shop of issue 41: its stock rows were repaired as column deletes, one cell tombstone per
     * row, and the next read of the partition was aborted. Now they go as one partition delete.
     */
    @Test
    void aShopNoSourceKnowsWithStockOfProductsNoSourceKnowsGoesAsOnePartitionDeleteAndReconcilesTwice() {
        long shop = 9_100_000_001L;
        long version = SourceVersions.of(Instant.now().minusSeconds(60));
        List<DisplayWrite> writes = new ArrayList<>();
        writes.add(Projections.of(Domain.SHOP).upsert(new SourceItem(Domain.SHOP, shop, shop, version,
                new ShopState(1, "Nobody's", "grocery", ShopState.ShopStatus.OPEN, 3000, 12000))));
        LongStream.range(1, ROWS + 1).forEach(id -> writes.add(Projections.of(Domain.STOCK)
                .upsert(new SourceItem(Domain.STOCK, id, shop, version, new StockState(5)))));
        writer.writeAllAndWait(writes, 64);

        Execution.RunReport once = reconciled(shop);
        Execution.RunReport twice = reconciled(shop);
        ResultSet partition = session.execute("SELECT product_id FROM shop_product WHERE shop_id = ?", shop);
        List<Row> rows = partition.all();

        assertThat(once.status()).isEqualTo("COMPLETED");
        assertThat(once.drift()).isEqualTo(Map.of("shops:orphan", 1L, "stock:orphan", (long) ROWS));
        assertThat(once.repaired()).isEqualTo(once.drift());
        assertThat(twice.status()).isEqualTo("COMPLETED");
        assertThat(twice.drift()).isEmpty();
        assertThat(rows).isEmpty();
        assertThat(partition.getExecutionInfo().getWarnings()).as("a partition delete, not a cell tombstone per row").isEmpty();
    }

    @Test
    void aShopWhoseOrphansAPartialReconcileDeletedRowByRowPagesItsLiveProductsAndReconcilesTwice() {
        long shop = shops().get(SHOPS - 2);
        List<Long> live = liveProducts(shop);
        new ReadModelEdits(truth, writer, session).orphans(Domain.PRODUCT, shop, live.get(0) - ROWS - 1, ROWS, GONE, 60);

        Execution.RunReport partial = reconciled(shop, Map.of("domains", "products"));
        Page before = firstPage(shop);
        Execution.RunReport once = reconciled(shop);
        Execution.RunReport twice = reconciled(shop);
        Page after = firstPage(shop);
        LOG.info("{} orphan products of shop {} deleted row by row by a products-only reconcile: first page {} ms; reconciles {}, {}; "
                + "first page {} ms after, warnings {}", ROWS, shop, before.millis(), once.status(), twice.status(), after.millis(),
                after.warnings());

        assertThat(partial.drift()).isEqualTo(Map.of("products:orphan", (long) ROWS));
        assertThat(before.ids()).isEqualTo(live.subList(0, 20));
        assertThat(before.warnings()).as("a partial run deletes row by row").isNotEmpty();
        assertThat(once.status()).isEqualTo("COMPLETED");
        assertThat(once.drift()).isEmpty();
        assertThat(twice.status()).isEqualTo("COMPLETED");
        assertThat(twice.drift()).isEmpty();
        assertThat(after.warnings()).isEmpty();
        assertThat(ShopPages.pageThrough(session, shop)).isEqualTo(live);
    }

    @Test
    void enumeratingTheShopsToReconcileReadsNoTombstonesWhereAScanOfTheReadModelWalksThemAll() {
        // given a shop no source knows whose every row was deleted one by one
        long shop = 9_200_000_001L;
        long upserted = SourceVersions.of(Instant.now().minusSeconds(120));
        long deleted = SourceVersions.of(Instant.now().minusSeconds(60));
        writer.writeAllAndWait(LongStream.range(1, ROWS + 1).mapToObj(id -> Projections.of(Domain.PRODUCT)
                .upsert(new SourceItem(Domain.PRODUCT, id, shop, upserted, GONE))).toList(), 64);
        writer.writeAllAndWait(LongStream.range(1, ROWS + 1).mapToObj(id -> Projections.of(Domain.PRODUCT)
                .delete(shop, id, deleted)).toList(), 64);

        ResultSet scan = session.execute("SELECT DISTINCT shop_id FROM shop_product");
        scan.all();
        ResultSet directory = session.execute("SELECT shop_id FROM shop_directory");
        List<Long> listed = directory.all().stream().map(row -> row.getLong(0)).toList();
        long started = System.nanoTime();
        Execution all = ops.reconcile(Map.of());
        Execution.View view = all.complete();
        LOG.info("reconcile of all {} shops with {} deleted rows in a shop only the read model knew: {} in {} ms", listed.size(), ROWS,
                view.status(), (System.nanoTime() - started) / 1_000_000);

        assertThat(scan.getExecutionInfo().getWarnings()).as("the old enumeration walks the deleted rows").isNotEmpty();
        assertThat(listed).contains(shop);
        assertThat(directory.getExecutionInfo().getWarnings()).isEmpty();
        assertThat(view.status()).isEqualTo("COMPLETED");
        assertThat(firstPage(shop).warnings()).as("the run consolidated the deleted rows").isEmpty();
    }

    private List<Long> shops() {
        return truth.catalogue().shopIds().boxed().toList();
    }

    private List<Long> liveProducts(long shop) {
        return truth.listShop(Domain.PRODUCT, shop).stream().map(SourceItem::id).sorted().toList();
    }

    private Execution.RunReport reconciled(long shop) {
        return reconciled(shop, Map.of());
    }

    /** A reconcile of the shop's range: the shops to visit enumerated from the source and the read model. */
    private Execution.RunReport reconciled(long shop, Map<String, String> more) {
        Map<String, String> parameters = new java.util.HashMap<>(more);
        parameters.put("shops", shop + "-" + shop);
        long started = System.nanoTime();
        Execution reconcile = ops.reconcile(parameters);
        reconcile.complete();
        Execution.RunReport report = reconcile.report();
        LOG.info("reconcile {}: {} in {} ms, drift {}", parameters, report.status(), (System.nanoTime() - started) / 1_000_000, report.drift());
        return report;
    }

    /** A first page of the shop as display-api reads it, timed, with Cassandra's warnings. */
    private record Page(List<Long> ids, long millis, List<String> warnings) {
    }

    private Page firstPage(long shop) {
        long started = System.nanoTime();
        ResultSet rows = session.execute(session.prepare("SELECT product_id FROM shop_product WHERE shop_id = ? LIMIT 21").bind(shop));
        List<Long> ids = rows.all().stream().limit(20).map(row -> row.getLong(0)).toList();
        return new Page(ids, (System.nanoTime() - started) / 1_000_000, rows.getExecutionInfo().getWarnings());
    }

}
