package com.storefront.display.reconciler.bulkload;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.reconciler.BatchReconcilerApplication;
import com.storefront.display.reconciler.MetadataStore;
import com.storefront.display.reconciler.TestUpstream;
import com.storefront.display.simulator.EmbeddedSimulator;
import com.storefront.display.simulator.fault.Faults;
import com.storefront.display.simulator.fault.SourceApiFaults;
import com.storefront.display.testkit.app.AppProcess;
import com.storefront.display.testkit.ops.Execution;
import com.storefront.display.testkit.ops.OpsClient;
import com.storefront.display.testkit.truth.ReadModelOracle;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A batch process killed (SIGKILL) in the middle of a bulk load: another instance on the same metadata
 * database restarts the execution through the ops API; it resumes each partition after its last
 * committed chunk and ends with the read model equal to the source. Run on each {@link MetadataStore}
 * by a subclass, which owns the test context's upstream, keyspace and metadata database.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "display.reconciler.stale-after=3s",
        "display.reconciler.schedule.enabled=false"})
public abstract class KilledBulkLoad {

    static final int SHOPS = 40;
    static final long PRODUCTS = 5000;
    static final long SEED = 13;
    private static final int PARTITIONS = 2;
    private static final int CHUNK = 100;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    /** A subclass's context: the sources, its keyspace, and its metadata store and database. */
    public record Context(EmbeddedSimulator embedded, String keyspace, MetadataStore store, Map<String, String> metadata) {

        public static Context register(DynamicPropertyRegistry registry, String keyspace, MetadataStore store) {
            return register(registry, keyspace, store, SHOPS, PRODUCTS);
        }

        /** A context whose sources have a catalogue of that size. */
        public static Context register(DynamicPropertyRegistry registry, String keyspace, MetadataStore store, int shops, long products) {
            Map<String, String> metadata = store.newDatabase();
            metadata.forEach((property, value) -> registry.add(property, () -> value));
            return new Context(TestUpstream.forContext(registry, keyspace, shops, products, SEED), keyspace, store, metadata);
        }

        /**
         * Another batch-reconciler, on this test's class path, job store, keyspace and sources, in the given
         * role, with the instance name given and these further settings; healthy when returned.
         */
        public AppProcess startInstance(String instance, String role, List<String> settings) {
            List<String> arguments = new ArrayList<>(store.arguments(metadata));
            arguments.addAll(List.of("--spring.cassandra.keyspace-name=" + keyspace,
                    "--display.source.base-url=" + embedded.baseUrl(), "--display.reconciler.role=" + role,
                    "--display.reconciler.instance=" + instance, "--display.reconciler.schedule.enabled=false"));
            arguments.addAll(settings);
            arguments.addAll(TestUpstream.stackArguments());
            AppProcess process = AppProcess.fromClassPath("batch-reconciler (" + instance + ")", BatchReconcilerApplication.class,
                    Path.of("target/" + keyspace + "-" + instance + ".log"), "384m", arguments)
                    .awaitHealthy(Duration.ofSeconds(120));
            if (store.profile != null) {
                awaitInGroup(process);
            }
            return process;
        }

        /**
         * Healthy is not yet in the workers' group: requests sent before an instance's consumer threads hold
         * topic partitions all go to the others, whose busy threads then hold the rebalance up until their
         * job is done. Waits until its four threads (the default) were assigned partitions.
         */
        private void awaitInGroup(AppProcess process) {
            Awaitility.await(process + " in the workers' group (see " + process.logFile() + ")").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).until(() -> assignedThreads(process) >= 4);
        }

        private static long assignedThreads(AppProcess process) {
            try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(process.logFile())) {
                return lines.filter(line -> line.contains("partitions assigned: [" + TestUpstream.TOPICS.prefix())).count();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        public void stop() {
            TestUpstream.stop(embedded, keyspace);
        }

        /** An operator of an instance on this context's metadata database: its store's credentials. */
        public OpsClient ops(String baseUrl) {
            String user = metadata.get("display.reconciler.ops.username");
            return user == null ? OpsClient.at(baseUrl) : new OpsClient(baseUrl, user, metadata.get("display.reconciler.ops.password"));
        }
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    CqlSession session;

    @Autowired
    JobRepository jobRepository;

    /** The subclass's context, made by its {@code @DynamicPropertySource}. */
    abstract Context context();

    @Test
    void aBulkLoadWhoseProcessWasKilledIsRestartedAndCompletesWithoutRepeatingCommittedChunks() {
        EmbeddedSimulator embedded = context().embedded();
        List<Domain> loading = List.of(Domain.PRODUCT, Domain.STOCK, Domain.PRICE);
        long total = ReadModelOracle.compare(embedded.simulator().truth(), session, SHOPS, loading).totalEntities();
        embedded.simulator().faults().set(new Faults(null, new SourceApiFaults(0, 15, false)));
        AppProcess child = startChild(context());
        long killed;
        try {
            OpsClient childOps = context().ops(child.awaitHealthy(Duration.ofSeconds(120)).baseUrl()).withTimeout(TIMEOUT);
            Execution execution = childOps.bulkLoad(Map.of("domains", "products,stock,prices"));
            execution.awaitRead(total / 3);
            killed = execution.id();
        } finally {
            child.kill();
        }
        embedded.simulator().faults().set(Faults.NONE);
        long committedBeforeKill = partitionReads(killed);

        OpsClient ops = context().ops("http://127.0.0.1:" + port).withTimeout(TIMEOUT);
        Execution restarted = restartOnceStale(ops, ops.execution(killed));
        Execution.View completed = restarted.awaitEnd();

        assertThat(completed.status()).as(completed.toString()).isEqualTo("COMPLETED");
        ReadModelOracle.Result truth = ReadModelOracle.compare(embedded.simulator().truth(), session, SHOPS, loading);
        assertThat(truth.readModelEntities()).isEqualTo(truth.entities());
        assertThat(truth.matches()).as(truth.toString()).isTrue();
        long readAfterRestart = partitionReads(restarted.id());
        // each killed partition re-reads at most its one uncommitted chunk; committed chunks are not read again
        assertThat(committedBeforeKill).isGreaterThanOrEqualTo(total / 3 - 3L * PARTITIONS * CHUNK);
        assertThat(readAfterRestart).isLessThanOrEqualTo(total - committedBeforeKill + 3L * PARTITIONS * CHUNK)
                .isLessThan(total);
    }

    /** A second batch-reconciler, on this test's class path, sharing its job repository: the one that is killed. */
    private static AppProcess startChild(Context context) {
        return startChild(context, List.of());
    }

    /** The same with further settings. */
    static AppProcess startChild(Context context, List<String> settings) {
        List<String> arguments = new ArrayList<>(context.store().arguments(context.metadata()));
        arguments.addAll(List.of("--spring.cassandra.keyspace-name=" + context.keyspace(),
                "--display.source.base-url=" + context.embedded().baseUrl(),
                "--display.reconciler.partitions=" + PARTITIONS, "--display.reconciler.chunk-size=" + CHUNK,
                "--display.reconciler.schedule.enabled=false"));
        arguments.addAll(settings);
        arguments.addAll(TestUpstream.stackArguments());
        return AppProcess.fromClassPath("batch-reconciler (child)", BatchReconcilerApplication.class,
                Path.of("target/killed-bulk-load-child-" + context.store().name().toLowerCase() + ".log"), "384m", arguments);
    }

    /** Restart is refused (409) while the execution still looks alive; once nothing updated it for stale-after, it is recovered. */
    public static Execution restartOnceStale(OpsClient ops, Execution killed) {
        OpsClient.Answer accepted = ops.withTimeout(Duration.ofSeconds(60)).await("restart accepted once the execution is stale",
                killed::restartRequest, answer -> {
                    assertThat(answer.statusCode()).as(answer.body()).isIn(202, 409);
                    return answer.statusCode() == 202;
                });
        return ops.execution(accepted.json().get("executionId").longValue());
    }

    private long partitionReads(long executionId) {
        return partitionReads(jobRepository, executionId);
    }

    /**
     * Items read by the partitions of one execution, as committed to the job repository: its step
     * executions named {@code <worker step>:<partition>}, not the manager step named as its job.
     */
    public static long partitionReads(JobRepository repository, long executionId) {
        JobExecution execution = repository.getJobExecution(executionId);
        return execution.getStepExecutions().stream().filter(step -> step.getStepName().contains(":"))
                .mapToLong(StepExecution::getReadCount).sum();
    }
}
