package com.storefront.display.reconciler.partition;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.localstack.junit.WithLocalPostgres;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.reconciler.MetadataStore;
import com.storefront.display.reconciler.bulkload.KilledBulkLoad;
import com.storefront.display.simulator.fault.Faults;
import com.storefront.display.simulator.fault.SourceApiFaults;
import com.storefront.display.testkit.app.AppProcess;
import com.storefront.display.testkit.cassandra.TestKeyspace;
import com.storefront.display.testkit.ops.Execution;
import com.storefront.display.testkit.ops.OpsClient;
import com.storefront.display.testkit.truth.ReadModelOracle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Remote partitioning over Kafka on the PostgreSQL profile: this test's context is the
 * {@code manager-and-worker}, a child process on the same job store is a {@code worker}. A job's
 * partitions run on both; a worker killed in the middle of its partitions loses them to the lease, the
 * job ends FAILED, and a restart runs only what was left. A manager killed mid-job leaves its execution
 * STARTED: the workers finish what they hold, another manager recovers and restarts it once it is stale,
 * and no partition runs twice to completion.
 */
@WithLocalStack
@WithLocalPostgres
@ActiveProfiles("postgresql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "display.reconciler.schedule.enabled=false", "display.reconciler.instance=manager", "display.reconciler.stale-after=3s",
        "display.reconciler.chunk-size=" + RemotePartitioningIT.CHUNK})
class RemotePartitioningIT {

    static final int CHUNK = 50;
    private static final int SHOPS = 60;
    /** The shortest lease allowed: the workers' consumer session (10 s), a poll, and a margin. */
    private static final Duration LEASE = Duration.ofSeconds(12);
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

    @BeforeEach
    void sourcesWithoutFaults() {
        context.embedded().simulator().faults().set(Faults.NONE);
    }

    @AfterAll
    static void stopAll() {
        if (worker != null) {
            worker.kill();
        }
        context.stop();
    }

    @Test
    void aBulkLoadAndAReconcileRunTheirPartitionsOnBothInstancesAndFindWhatTheSourceChanged() {
        ensureWorker();
        OpsClient ops = ops();

        Execution.View loaded = ops.bulkLoad(Map.of("domains", "products,stock,prices")).complete();

        assertThat(loaded.workers()).as(loaded.toString()).containsExactlyInAnyOrder("manager", "worker-1");
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

        assertThat(reconciled.workers()).as(reconciled.toString()).containsExactlyInAnyOrder("manager", "worker-1");
        assertThat(dryRun.report().drift()).isEqualTo(Map.of("products:stale", changed));
    }

    @Test
    void aWorkerKilledInItsPartitionsFailsThemWithinTheLeaseAndTheRestartRunsOnlyWhatWasLeft() {
        ensureWorker();
        OpsClient ops = ops();
        long total = ReadModelOracle.compare(context.embedded().simulator().truth(), session, SHOPS, LOADED).totalEntities();
        Execution load = slowOnceSplit(ops, ops.bulkLoad(Map.of("domains", "products,stock,prices")));
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
        // FAILED: what the killed worker ran; the requests its topic partitions still held went to the manager
        assertThat(failed.partitions().items()).filteredOn(partition -> "FAILED".equals(partition.status()))
                .isNotEmpty().allSatisfy(partition -> assertThat(partition.worker()).isEqualTo("worker-1"));
        assertThat(failed.partitions().items()).filteredOn(partition -> !"FAILED".equals(partition.status()))
                .isNotEmpty().allSatisfy(partition -> assertThat(partition.status()).isEqualTo("COMPLETED"));

        Execution restarted = load.restart();
        Execution.View completed = restarted.complete();

        Set<String> rerun = failed.partitions().items().stream().filter(partition -> "FAILED".equals(partition.status()))
                .map(Execution.Partition::name).collect(Collectors.toSet());
        assertThat(completed.partitions().items()).filteredOn(partition -> rerun.contains(partition.name()))
                .as("the partitions the restart ran").hasSize(rerun.size())
                .allSatisfy(partition -> assertThat(partition.worker()).isEqualTo("manager"));
        ReadModelOracle.Result truth = ReadModelOracle.compare(context.embedded().simulator().truth(), session, SHOPS, LOADED);
        assertThat(truth.matches()).as(truth.toString()).isTrue();
        long failedPartitions = failed.partitions().items().stream().filter(partition -> "FAILED".equals(partition.status())).count();
        assertThat(partitionReads(restarted.id())).as("items read after the restart")
                .isLessThanOrEqualTo(total - committed + failedPartitions * CHUNK);
    }

    @Test
    void aManagerKilledMidJobIsRestartedElsewhereOnceStaleAndNoPartitionCompletesTwice() {
        // the two managers alone: a worker left by another scenario would live through this kill and its
        // rebalances, and was seen to take no partition of the next job
        if (worker != null) {
            worker.kill();
        }
        OpsClient ops = ops();
        AppProcess manager = startInstance("manager-2", "manager-and-worker");
        Execution load;
        try {
            Execution started = context.ops(manager.baseUrl()).withTimeout(TIMEOUT).bulkLoad(Map.of("domains", "products,stock,prices"));
            load = slowOnceSplit(ops, ops.execution(started.id()));
            ops.await("both instances run partitions", load::view, view -> Set.of("manager", "manager-2").stream()
                    .allMatch(instance -> view.partitions().items().stream()
                            .anyMatch(partition -> instance.equals(partition.worker()) && partition.readCount() > 0)));
        } finally {
            manager.kill();
        }
        context.embedded().simulator().faults().set(Faults.NONE);
        assertThat(load.view().status()).as("the killed manager's execution").isEqualTo("STARTED");

        Execution restarted = KilledBulkLoad.restartOnceStale(ops, load);
        Execution.View completed = restarted.complete();

        ReadModelOracle.Result truth = ReadModelOracle.compare(context.embedded().simulator().truth(), session, SHOPS, LOADED);
        assertThat(truth.matches()).as(truth.toString()).isTrue();
        JobExecution first = jobRepository.getJobExecution(load.id());
        Map<String, Long> completions = jobRepository.getJobExecutions(first.getJobInstance()).stream()
                .flatMap(execution -> jobRepository.getJobExecution(execution.getId()).getStepExecutions().stream())
                .filter(step -> step.getStepName().contains(":") && step.getStatus() == BatchStatus.COMPLETED)
                .collect(Collectors.groupingBy(StepExecution::getStepName, Collectors.counting()));
        assertThat(completions).as("completed runs per partition").hasSize(completed.partitions().total())
                .allSatisfy((partition, runs) -> assertThat(runs).as(partition).isEqualTo(1L));
    }

    /**
     * Slows the source to 200 ms a call once the job's partitions exist, so that the kill meets them
     * running: slowed from the start, the partitioner's few hundred sampling calls alone would take a minute.
     */
    private static Execution slowOnceSplit(OpsClient ops, Execution execution) {
        ops.await("the job split into partitions", execution::view, view -> view.partitions().total() > 0);
        context.embedded().simulator().faults().set(new Faults(null, new SourceApiFaults(0, 200, false)));
        return execution;
    }

    /** The second instance, a worker: the one a scenario started before, unless a scenario killed it. */
    private static void ensureWorker() {
        if (worker == null || !worker.isAlive()) {
            worker = startInstance("worker-1", "worker");
        }
    }

    private OpsClient ops() {
        return context.ops("http://127.0.0.1:" + port).withTimeout(TIMEOUT);
    }


    /** A batch-reconciler on this test's job store, in the given role, with this test's chunk and lease. */
    private static AppProcess startInstance(String instance, String role) {
        return context.startInstance(instance, role, List.of("--display.reconciler.chunk-size=" + CHUNK,
                "--display.reconciler.remote.lease=" + LEASE, "--display.reconciler.remote.poll-interval=" + POLL));
    }

    private long partitionReads(long executionId) {
        return KilledBulkLoad.partitionReads(jobRepository, executionId);
    }
}
