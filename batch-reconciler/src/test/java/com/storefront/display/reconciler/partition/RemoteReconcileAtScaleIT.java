package com.storefront.display.reconciler.partition;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.localstack.junit.WithLocalPostgres;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.reconciler.MetadataStore;
import com.storefront.display.reconciler.bulkload.KilledBulkLoad;
import com.storefront.display.testkit.app.AppProcess;
import com.storefront.display.testkit.cassandra.TestKeyspace;
import com.storefront.display.testkit.ops.Execution;
import com.storefront.display.testkit.ops.OpsClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A reconcile of many shops over two worker processes (this context, {@code manager-and-worker}, and a
 * child {@code worker}) on the PostgreSQL profile finds exactly the drift that the same reconcile finds
 * when this process runs it alone, and both processes run its partitions. {@code ./mvnw verify} runs it
 * at 600 shops (37 for each of its 16 partitions); {@code -Dremote-reconcile.shops=10000} at the 10,000
 * (about 4 minutes on 2 cores).
 */
@WithLocalStack
@WithLocalPostgres
@ActiveProfiles("postgresql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "display.reconciler.schedule.enabled=false", "display.reconciler.instance=manager",
        "display.reconciler.partitions=16"})
class RemoteReconcileAtScaleIT {

    private static final int SHOPS = Integer.getInteger("remote-reconcile.shops", 600);
    private static final long PRODUCTS = 4L * SHOPS;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    static KilledBulkLoad.Context context;

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        context = KilledBulkLoad.Context.register(registry, TestKeyspace.unique("reconciler_scale_it"), MetadataStore.POSTGRESQL,
                SHOPS, PRODUCTS);
    }

    @AfterAll
    static void stopAll() {
        context.stop();
    }

    @Test
    void aReconcileOverTwoWorkerProcessesFindsTheDriftOneProcessFinds() {
        OpsClient ops = context.ops("http://127.0.0.1:" + port).withTimeout(TIMEOUT);
        ops.bulkLoad(Map.of("domains", "all")).complete();
        // a product changed at its source in every seventh shop that lists any, and a product of every
        // eleventh deleted there, their events lost
        long changed = 0;
        long deleted = 0;
        for (long shop = 1; shop <= SHOPS; shop++) {
            var listed = context.embedded().simulator().truth().listShop(Domain.PRODUCT, shop);
            if (listed.isEmpty()) {
                continue;
            }
            if (shop % 7 == 0) {
                context.embedded().simulator().truth().upsert(Domain.PRODUCT, listed.get(0).id());
                changed++;
            } else if (shop % 11 == 0) {
                context.embedded().simulator().truth().delete(Domain.PRODUCT, listed.get(0).id());
                deleted++;
            }
        }

        Execution alone = ops.reconcile(OpsClient.dryRun());
        Execution.View aloneView = alone.complete();
        Map<String, Long> aloneDrift = alone.report().drift();

        AppProcess worker = context.startInstance("worker-1", "worker", List.of());
        try {
            Execution shared = ops.reconcile(OpsClient.dryRun());
            Execution.View sharedView = shared.complete();

            assertThat(aloneView.workers()).as(aloneView.toString()).containsExactly("manager");
            assertThat(sharedView.workers()).as(sharedView.toString()).containsExactlyInAnyOrder("manager", "worker-1");
            assertThat(sharedView.readCount()).as("shops visited").isEqualTo(aloneView.readCount()).isGreaterThanOrEqualTo(SHOPS);
            assertThat(aloneDrift).containsEntry("products:stale", changed).containsEntry("products:orphan", deleted);
            assertThat(shared.report().drift()).isEqualTo(aloneDrift);
        } finally {
            worker.kill();
        }
    }
}
