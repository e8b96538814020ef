package com.storefront.display.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
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
import com.storefront.display.simulator.fault.Faults;
import com.storefront.display.simulator.fault.SourceApiFaults;

/**
 * A batch process killed (SIGKILL) in the middle of a bulk load: another instance on the same metadata
 * database restarts the execution through the ops API; it resumes each partition after its last
 * committed chunk and ends with the read model equal to the source.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "display.reconciler.stale-after=3s",
        "display.reconciler.schedule.enabled=false"})
class KilledBulkLoadIT {

    private static final String KEYSPACE = TestKeyspace.unique("reconciler_killed_it");
    private static final String METADATA_DIR = Path.of("target", "it-metadata-" + UUID.randomUUID()).toAbsolutePath().toString();
    private static final int PARTITIONS = 2;
    private static final int CHUNK = 100;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    static EmbeddedSimulator embedded;

    @Value("${local.server.port}")
    int port;

    @Autowired
    CqlSession session;

    @Autowired
    JobRepository jobRepository;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        embedded = TestUpstream.forContext(registry, KEYSPACE, 40, 5000, 13);
        registry.add("display.metadata-dir", () -> METADATA_DIR);
    }

    @AfterAll
    static void stopUpstream() {
        TestUpstream.stop(embedded, KEYSPACE);
    }

    @Test
    void aBulkLoadWhoseProcessWasKilledIsRestartedAndCompletesWithoutRepeatingCommittedChunks() throws Exception {
        Map<Domain, Long> source = TruthCensus.sourceCounts(embedded.simulator());
        long total = source.get(Domain.PRODUCT) + source.get(Domain.STOCK) + source.get(Domain.PRICE);
        embedded.simulator().faults().set(new Faults(null, new SourceApiFaults(0, 15, false)));
        int childPort = freePort();
        Process child = startChild(childPort);
        long execution;
        try {
            OpsClient childOps = OpsClient.local(childPort);
            awaitHealthy(childOps, child);
            execution = childOps.start("bulk-load", Map.of("domains", "products,stock,prices"));
            awaitItemsRead(childOps, execution, total / 3);
        } finally {
            child.destroyForcibly().waitFor();
        }
        embedded.simulator().faults().set(Faults.NONE);
        long committedBeforeKill = partitionReads(execution);

        long restarted = restartOnceStale(OpsClient.local(port), execution);
        String completed = OpsClient.local(port).awaitEnd(restarted, TIMEOUT);

        assertThat(JsonPath.<String>read(completed, "$.status")).as(completed).isEqualTo("COMPLETED");
        Map<Domain, Long> loaded = TruthCensus.readModelCounts(session);
        assertThat(loaded.get(Domain.PRODUCT)).isEqualTo(source.get(Domain.PRODUCT));
        assertThat(loaded.get(Domain.STOCK)).isEqualTo(source.get(Domain.STOCK));
        assertThat(loaded.get(Domain.PRICE)).isEqualTo(source.get(Domain.PRICE));
        assertThat(TruthCensus.differences(embedded.simulator(), session, 40,
                List.of(Domain.PRODUCT, Domain.STOCK, Domain.PRICE))).isEmpty();
        long readAfterRestart = partitionReads(restarted);
        // each killed partition re-reads at most its one uncommitted chunk; committed chunks are not read again
        assertThat(committedBeforeKill).isGreaterThanOrEqualTo(total / 3 - 3L * PARTITIONS * CHUNK);
        assertThat(readAfterRestart).isLessThanOrEqualTo(total - committedBeforeKill + 3L * PARTITIONS * CHUNK)
                .isLessThan(total);
    }

    private Process startChild(int childPort) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                BatchReconcilerApplication.class.getName(), "--server.port=" + childPort,
                "--display.metadata-dir=" + METADATA_DIR, "--spring.cassandra.keyspace-name=" + KEYSPACE,
                "--display.source.base-url=" + embedded.baseUrl(),
                "--display.reconciler.partitions=" + PARTITIONS, "--display.reconciler.chunk-size=" + CHUNK,
                "--display.reconciler.schedule.enabled=false", "--spring.main.banner-mode=off"));
        command.addAll(TestUpstream.stackArguments());
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/killed-bulk-load-child.log")).start();
    }

    private static void awaitHealthy(OpsClient childOps, Process child) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            assertThat(child.isAlive()).as("the child batch process is running (see target/killed-bulk-load-child.log)").isTrue();
            try {
                if (childOps.get("/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("the child batch process became healthy").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static void awaitItemsRead(OpsClient ops, long execution, long items) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (((Number) JsonPath.read(ops.get("/ops/jobs/executions/" + execution).body(), "$.readCount")).longValue() < items) {
            assertThat(System.nanoTime()).as("execution " + execution + " read " + items + " items").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Restart is refused while the execution still looks alive; once nothing updated it for stale-after, it is recovered. */
    private static long restartOnceStale(OpsClient ops, long execution) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> response = ops.post("/ops/jobs/executions/" + execution + "/restart", Map.of());
            if (response.statusCode() == 202) {
                return ((Number) JsonPath.read(response.body(), "$.executionId")).longValue();
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            assertThat(System.nanoTime()).as("restart accepted once the execution is stale").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** Items read by the partitions of one execution, as committed to the job repository. */
    private long partitionReads(long executionId) {
        JobExecution execution = jobRepository.getJobExecution(executionId);
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("bulk-load-partition:"))
                .mapToLong(StepExecution::getReadCount).sum();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
