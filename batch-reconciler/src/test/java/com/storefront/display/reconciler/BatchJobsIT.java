package com.storefront.display.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.datastax.oss.driver.api.core.CqlSession;
import com.jayway.jsonpath.JsonPath;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.localstack.WithLocalStack;
import com.storefront.display.simulator.EmbeddedSimulator;
import com.storefront.display.simulator.Simulator;
import com.storefront.display.testkit.cassandra.TestKeyspace;
import com.storefront.display.testkit.ops.OpsClient;
import com.storefront.display.testkit.truth.ReadModelOracle;

/**
 * The three jobs through the ops API against the real Cassandra and the simulator's source APIs:
 * bulk load, reconcile (dry run and repair) and backfill, counted against the source.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "display.metadata-dir=./target/it-metadata-${random.uuid}",
        "display.reconciler.partitions=3",
        "display.reconciler.drift-samples=1000",
        "display.reconciler.schedule.enabled=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchJobsIT {

    private static final String KEYSPACE = TestKeyspace.unique("reconciler_jobs_it");
    private static final int SHOPS = 60;
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);

    static EmbeddedSimulator embedded;

    @Value("${local.server.port}")
    int port;

    @Autowired
    CqlSession session;

    OpsClient ops;
    Simulator simulator;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        embedded = TestUpstream.forContext(registry, KEYSPACE, SHOPS, 6000, 7);
    }

    @AfterAll
    static void stopUpstream() {
        TestUpstream.stop(embedded, KEYSPACE);
    }

    @BeforeEach
    void client() {
        ops = OpsClient.local(port);
        simulator = embedded.simulator();
    }

    @Test
    @Order(1)
    void bulkLoadWritesEveryEntityOfEveryDomainAsTheSourceHasIt() throws Exception {
        String view = ops.run("bulk-load", Map.of(), JOB_TIMEOUT);

        ReadModelOracle.Result truth = ReadModelOracle.compare(simulator.truth(), session, SHOPS);
        long items = truth.totalEntities();
        assertThat(truth.readModelEntities()).isEqualTo(truth.entities());
        assertThat(truth.matches()).as(truth.toString()).isTrue();
        assertThat(((Number) JsonPath.read(view, "$.readCount")).longValue()).isEqualTo(items);
        assertThat(((Number) JsonPath.read(view, "$.writeCount")).longValue()).isEqualTo(items);
        assertThat(JsonPath.<Double>read(view, "$.progress.percent")).isEqualTo(100.0);
        assertThat(JsonPath.<Integer>read(view, "$.partitions.completed")).isEqualTo(JsonPath.<Integer>read(view, "$.partitions.total"))
                .isEqualTo(Domain.values().length * 3);
    }

    @Test
    @Order(2)
    void reconcileAfterABulkLoadFindsNoDrift() throws Exception {
        long execution = ops.awaitEndOf(ops.start("reconcile", Map.of()), JOB_TIMEOUT);

        String report = ops.get("/ops/reconciliation/runs/" + execution).body();
        assertThat(JsonPath.<Map<String, Object>>read(report, "$.drift")).as(report).isEmpty();
        assertThat(JsonPath.<String>read(report, "$.status")).isEqualTo("COMPLETED");
    }

    @Test
    @Order(3)
    void reconcileClassifiesEachKindOfDriftReportsItInADryRunAndRepairsItOtherwise() throws Exception {
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
        long priceVersion = simulator.truth().find(Domain.PRICE, priced).orElseThrow().version();
        session.execute("UPDATE shop_product USING TIMESTAMP " + priceVersion + " SET sale_price = 999999999 WHERE shop_id = "
                + shop + " AND product_id = " + priced);
        long aMinuteAgo = (System.currentTimeMillis() - 60_000) * 1000;
        session.execute("UPDATE shop USING TIMESTAMP " + aMinuteAgo + " SET rating_avg = 1.0, rating_count = 1 WHERE shop_id = 1000");

        long dryRun = ops.awaitEndOf(ops.start("reconcile", Map.of("dryRun", true)), JOB_TIMEOUT);
        String dryReport = ops.get("/ops/reconciliation/runs/" + dryRun).body();
        long repair = ops.awaitEndOf(ops.start("reconcile", Map.of()), JOB_TIMEOUT);
        String report = ops.get("/ops/reconciliation/runs/" + repair).body();
        long again = ops.awaitEndOf(ops.start("reconcile", Map.of()), JOB_TIMEOUT);

        Map<String, Object> expected = Map.of("products:missing", 1, "stock:stale", 1, "prices:mismatch", 1,
                "products:orphan", 1, "review-summaries:orphan", 1);
        assertThat(JsonPath.<Map<String, Object>>read(dryReport, "$.drift")).as(dryReport).isEqualTo(expected);
        assertThat(JsonPath.<Map<String, Object>>read(dryReport, "$.repaired")).isEmpty();
        assertThat(JsonPath.<Boolean>read(dryReport, "$.dryRun")).isTrue();
        assertThat(JsonPath.<Map<String, Object>>read(report, "$.drift")).as(report).isEqualTo(expected);
        assertThat(JsonPath.<Map<String, Object>>read(report, "$.repaired")).isEqualTo(expected);
        assertThat(JsonPath.<Map<String, Object>>read(ops.get("/ops/reconciliation/runs/" + again).body(), "$.drift")).isEmpty();
        assertThat(ops.get("/ops/reconciliation/runs/" + repair + "/samples").body())
                .contains("\"entityId\":" + listed, "\"entityId\":" + deleted, "\"entityId\":" + stocked,
                        "\"entityId\":" + priced, "\"shopId\":1000");
        assertReadModelIsTheTruth();
        assertThat(session.execute("SELECT * FROM shop_product WHERE shop_id = 3 AND product_id = " + deleted).one()).isNull();
        assertThat(session.execute("SELECT rating_count FROM shop WHERE shop_id = 1000").one()).isNull();
    }

    @Test
    @Order(4)
    void backfillRewritesTheChosenDomainsOfTheChosenShopsOnly() throws Exception {
        session.execute("TRUNCATE shop_product");

        String view = ops.run("backfill", Map.of("shops", "5-9", "domains", "products,stock,prices"), JOB_TIMEOUT);

        long expected = 0;
        for (long shop = 5; shop <= 9; shop++) {
            expected += simulator.truth().listShop(Domain.PRODUCT, shop).size();
        }
        long inShops = 0;
        for (long shop = 5; shop <= 9; shop++) {
            inShops += session.execute("SELECT COUNT(*) FROM shop_product WHERE shop_id = " + shop).one().getLong(0);
        }
        assertThat(inShops).isEqualTo(expected).isPositive();
        assertThat(session.execute("SELECT COUNT(*) FROM shop_product").one().getLong(0)).isEqualTo(expected);
        assertThat(JsonPath.<Integer>read(view, "$.readCount")).isEqualTo(5);

        ops.run("bulk-load", Map.of("domains", "products,stock,prices"), JOB_TIMEOUT);
        assertReadModelIsTheTruth();
    }

    private void assertReadModelIsTheTruth() {
        ReadModelOracle.Result truth = ReadModelOracle.compare(simulator.truth(), session, SHOPS);
        assertThat(truth.matches()).as(truth.toString()).isTrue();
    }
}
