package com.storefront.display.reconciler.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.reconciler.BatchReconcilerApplication;
import com.storefront.display.reconciler.TestUpstream;
import com.storefront.display.simulator.EmbeddedSimulator;
import com.storefront.display.testkit.cassandra.TestKeyspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code --run=<job> name=value...}: a job from the command line, refused with a clear message when its parameters are bad. */
@WithLocalStack
@ExtendWith(OutputCaptureExtension.class)
class JobCommandLineIT {

    private static final String KEYSPACE = TestKeyspace.unique("reconciler_cli_it");
    private static EmbeddedSimulator simulator;

    @BeforeAll
    static void upstream() {
        simulator = TestUpstream.simulator(10, 300, 42);
    }

    @AfterAll
    static void stopUpstream() {
        TestUpstream.stop(simulator, KEYSPACE);
    }

    @Test
    void badParametersAreRefusedBeforeTheJobStartsWithTheReasonAndExitCode2(CapturedOutput output) throws Exception {
        int exitCode = runAndExit("--run=bulk-load", "domains=products,socks");

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("refused: bulk-load: unknown domain 'socks', expected one of [shops, products");
    }

    @Test
    void aMalformedParameterIsRefusedToo(CapturedOutput output) throws Exception {
        assertThat(runAndExit("--run=reconcile", "shops")).isEqualTo(2);
        assertThat(output.getErr()).contains("refused: job parameters are name=value, got 'shops'");
    }

    @Test
    void aValidJobRunsToItsEndAndExitsWith0() throws Exception {
        int exitCode = runAndExit("--run=backfill", "shops=1-3", "domains=shops,coupons");

        assertThat(exitCode).isZero();
        try (CqlSession session = CqlSession.builder().withKeyspace(KEYSPACE)
                .addContactPoint(new java.net.InetSocketAddress(System.getProperty("spring.cassandra.contact-points").split(":")[0],
                        Integer.parseInt(System.getProperty("spring.cassandra.contact-points").split(":")[1])))
                .withLocalDatacenter(System.getProperty("spring.cassandra.local-datacenter")).build()) {
            assertThat(session.execute("SELECT DISTINCT shop_id, name FROM shop").all()).hasSize(3)
                    .allSatisfy(row -> assertThat(row.getString("name")).isNotBlank());
        }
    }

    /** What {@code main} does with {@code --run}: start, run the job, exit with the runner's code. */
    private static int runAndExit(String... jobArguments) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--display.metadata-dir=" + Path.of("target", "it-metadata-" + UUID.randomUUID()).toAbsolutePath(),
                "--spring.cassandra.keyspace-name=" + KEYSPACE, "--display.source.base-url=" + simulator.baseUrl(),
                "--display.reconciler.schedule.enabled=false"));
        args.addAll(TestUpstream.stackArguments());
        args.addAll(List.of(jobArguments));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BatchReconcilerApplication.class)
                .run(args.toArray(String[]::new));
        return SpringApplication.exit(context);
    }
}
