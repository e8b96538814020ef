package com.storefront.display.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.localstack.WithLocalPostgres;
import com.storefront.display.localstack.WithLocalStack;
import com.storefront.display.simulator.fault.Faults;
import com.storefront.display.simulator.fault.SourceApiFaults;
import com.storefront.display.testkit.app.AppProcess;
import com.storefront.display.testkit.cassandra.TestKeyspace;
import com.storefront.display.testkit.ops.Execution;
import com.storefront.display.testkit.ops.OpsClient;
import com.storefront.display.testkit.truth.ReadModelOracle;

/**
 * Remote partitioning over Kafka on the PostgreSQL profile: this test's context is the
 * {@code manager-and-worker}, a child process on the same job store is a {@code worker}. A job's
 * partitions run on both; a worker killed in the middle of its partitions loses them to the lease, the
 * job ends FAILED, and a restart runs only what was left.
 */
@WithLocalStack
@WithLocalPostgres
@ActiveProfiles("postgresql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "display.reconciler.schedule.enabled=false", "display.reconciler.instance=manager",
        "display.reconciler.chunk-size=" + RemotePartitioningIT.CHUNK})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemotePartitioningIT {

    static final int CHUNK = 50;
    private static final int SHOPS = 60;
    private static final Duration LEASE = Duration.ofSeconds(6);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final List<Domain> LOADED = List.of(Domain.PRODUCT, Domain.STOCK, Domain.PRICE);
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    static KilledBulkLoad.Context context;
    static AppProcess worker;

    @Value("${local.server.port}")
    int port;

    @Autowired
    CqlSession session;

    @Autowired
    JobRepository jobRepository;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        context = KilledBulkLoad.Context.register(registry, TestKeyspace.unique("reconciler_remote_it"), MetadataStore.POSTGRESQL);
        registry.add("display.reconciler.remote.lease", LEASE::toString);
        registry.add("display.reconciler.remote.poll-interval", POLL::toString);
    }

    @AfterAll
    static void stopAll() {
        if (worker != null) {
            worker.kill();
        }
        context.stop();
    }

    @Test
    @Order(1)
    void aBulkLoadAndAReconcileRunTheirPartitionsOnBothInstancesAndFindWhatTheSourceChanged() {
        worker = startWorker("worker-1");
        OpsClient ops = ops();

        Execution.View loaded = ops.bulkLoad(Map.of("domains", "products,stock,prices")).complete();

        assertThat(workers(loaded)).as(loaded.toString()).containsExactlyInAnyOrder("manager", "worker-1");
        ReadModelOracle.Result truth = ReadModelOracle.compare(context.embedded().simulator().truth(), session, SHOPS, LOADED);
        assertThat(truth.matches()).as(truth.toString()).isTrue();
        assertThat(partitionReads(loaded.executionId())).as("items read by the partitions").isEqualTo(truth.totalEntities());

        // one product changed at its source in every third shop that lists any, its event lost
        long changed = 0;
        for (long shop = 1; shop <= SHOPS; shop += 3) {
            var listed = context.embedded().simulator().truth().listShop(Domain.PRODUCT, shop);
            if (!listed.isEmpty()) {
                context.embedded().simulator().truth().upsert(Domain.PRODUCT, listed.get(0).id());
                changed++;
            }
        }
        assertThat(changed).as("shops with a changed product").isPositive();
        Execution dryRun = ops.reconcile(Map.of("dryRun", true, "domains", "products,stock,prices"));
        Execution.View reconciled = dryRun.complete();

        assertThat(workers(reconciled)).as(reconciled.toString()).containsExactlyInAnyOrder("manager", "worker-1");
        assertThat(dryRun.report().drift()).isEqualTo(Map.of("products:stale", changed));
    }

    @Test
    @Order(2)
    void aWorkerKilledInItsPartitionsFailsThemWithinTheLeaseAndTheRestartRunsOnlyWhatWasLeft() {
        OpsClient ops = ops();
        long total = ReadModelOracle.compare(context.embedded().simulator().truth(), session, SHOPS, LOADED).totalEntities();
        context.embedded().simulator().faults().set(new Faults(null, new SourceApiFaults(0, 200, false)));
        Execution load = ops.bulkLoad(Map.of("domains", "products,stock,prices"));
        ops.await("the worker runs partitions", load::view, view -> view.partitions().items().stream()
                .anyMatch(partition -> "worker-1".equals(partition.worker()) && partition.readCount() > 0));
        worker.kill();
        long killedAt = System.nanoTime();
        context.embedded().simulator().faults().set(Faults.NONE);

        ops.await("a partition of the killed worker FAILED", load::view, view -> view.partitions().failed() > 0);
        Duration toFailed = Duration.ofNanos(System.nanoTime() - killedAt);
        Execution.View failed = load.awaitEnd();
        long committed = partitionReads(load.id());

        // the lease, one check of it, and the view's read of the repository (plus a loaded host's slack)
        assertThat(toFailed).as("from the kill to its partitions FAILED").isLessThan(LEASE.plus(POLL).plusSeconds(5));
        assertThat(failed.status()).as(failed.toString()).isEqualTo("FAILED");
        // FAILED: what the killed worker ran, and requests that waited on its Kafka partitions (the
        // lease, shorter here than the consumer session, fails them before a rebalance re-delivers them)
        assertThat(failed.partitions().items()).filteredOn(partition -> "FAILED".equals(partition.status()))
                .anySatisfy(partition -> assertThat(partition.worker()).isEqualTo("worker-1"))
                .allSatisfy(partition -> assertThat(partition).as("run by the killed worker, or never started")
                        .matches(p -> "worker-1".equals(p.worker()) || p.worker() == null && p.readCount() == 0));
        assertThat(failed.partitions().items()).filteredOn(partition -> !"FAILED".equals(partition.status()))
                .isNotEmpty().allSatisfy(partition -> assertThat(partition.status()).isEqualTo("COMPLETED"));

        Execution restarted = load.restart();
        Execution.View completed = restarted.complete();

        assertThat(workers(completed)).containsExactly("manager");
        ReadModelOracle.Result truth = ReadModelOracle.compare(context.embedded().simulator().truth(), session, SHOPS, LOADED);
        assertThat(truth.matches()).as(truth.toString()).isTrue();
        long failedPartitions = failed.partitions().items().stream().filter(partition -> "FAILED".equals(partition.status())).count();
        assertThat(partitionReads(restarted.id())).as("items read after the restart")
                .isLessThanOrEqualTo(total - committed + failedPartitions * CHUNK);
    }

    private OpsClient ops() {
        return context.ops("http://127.0.0.1:" + port).withTimeout(TIMEOUT);
    }

    private static Set<String> workers(Execution.View view) {
        return view.partitions().items().stream().map(Execution.Partition::worker).collect(Collectors.toSet());
    }

    /** A batch-reconciler on this test's class path and job store that only runs partitions. */
    private static AppProcess startWorker(String instance) {
        List<String> arguments = new ArrayList<>(context.store().arguments(context.metadata()));
        arguments.addAll(List.of("--spring.cassandra.keyspace-name=" + context.keyspace(),
                "--display.source.base-url=" + context.embedded().baseUrl(), "--display.reconciler.role=worker",
                "--display.reconciler.instance=" + instance, "--display.reconciler.chunk-size=" + CHUNK,
                "--display.reconciler.remote.lease=" + LEASE, "--display.reconciler.remote.poll-interval=" + POLL,
                "--display.reconciler.schedule.enabled=false"));
        arguments.addAll(TestUpstream.stackArguments());
        return AppProcess.fromClassPath("batch-reconciler (" + instance + ")", BatchReconcilerApplication.class,
                Path.of("target/remote-partitioning-" + instance + ".log"), "384m", arguments)
                .awaitHealthy(Duration.ofSeconds(120));
    }

    /** Items read by the partitions of one execution, as committed to the job repository. */
    private long partitionReads(long executionId) {
        JobExecution execution = jobRepository.getJobExecution(executionId);
        return execution.getStepExecutions().stream().filter(step -> step.getStepName().contains(":"))
                .mapToLong(StepExecution::getReadCount).sum();
    }
}
