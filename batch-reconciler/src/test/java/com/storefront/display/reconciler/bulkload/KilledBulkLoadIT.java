package com.storefront.display.reconciler.bulkload;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.reconciler.MetadataStore;
import com.storefront.display.simulator.EmbeddedSimulator;
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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link KilledBulkLoad} on the local default's job store, an H2 file shared by both processes. */
class KilledBulkLoadIT extends KilledBulkLoad {

    private static final int PAGE = 2;

    static Context context;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        context = Context.register(registry, TestKeyspace.unique("reconciler_killed_it"), MetadataStore.H2);
    }

    @AfterAll
    static void stopUpstream() {
        context.stop();
    }

    @Override
    Context context() {
        return context;
    }

    /**
     * An incremental sync killed (SIGKILL) after some of its pages: restarted on this instance, it goes on
     * from the last committed mark, so every change lands (nothing skipped) and the pages read again are
     * at most the one in flight. On the local default's job store only: the mark lives in Cassandra.
     */
    @Test
    void anIncrementalSyncWhoseProcessWasKilledIsRestartedAndAppliesEveryChangeOnce() {
        EmbeddedSimulator embedded = context.embedded();
        OpsClient ops = context.ops("http://127.0.0.1:" + port).withTimeout(Duration.ofMinutes(3));
        assertThat(ops.bulkLoad(Map.of("domains", "opening-hours")).complete().status()).isEqualTo("COMPLETED");
        int changes = 0;
        for (long shop = 1; shop <= SHOPS; shop++) {
            if (shop % 4 == 0) {
                embedded.simulator().truth().delete(Domain.OPENING_HOURS, shop);
            } else {
                embedded.simulator().truth().upsert(Domain.OPENING_HOURS, shop);
            }
            changes++;
        }
        embedded.simulator().faults().set(new Faults(null, new SourceApiFaults(0, 300, false)));
        AppProcess child = startChild(context, List.of("--display.reconciler.sync.page-size=" + PAGE));
        long killed;
        long committedBeforeKill;
        try {
            OpsClient childOps = context.ops(child.awaitHealthy(Duration.ofSeconds(120)).baseUrl()).withTimeout(Duration.ofMinutes(3));
            Execution execution = childOps.incrementalSync(Map.of());
            committedBeforeKill = execution.awaitRead(changes / 3).readCount();
            killed = execution.id();
        } finally {
            child.kill();
        }
        embedded.simulator().faults().set(Faults.NONE);
        assertThat(committedBeforeKill).isLessThan(changes);

        Execution restarted = restartOnceStale(ops, ops.execution(killed));
        Execution.View completed = restarted.awaitEnd();

        assertThat(completed.status()).as(completed.toString()).isEqualTo("COMPLETED");
        ReadModelOracle.Result truth = ReadModelOracle.compare(embedded.simulator().truth(), session, SHOPS,
                List.of(Domain.OPENING_HOURS));
        assertThat(truth.matches()).as(truth.toString()).isTrue();
        assertThat(truth.readModelEntities().get(Domain.OPENING_HOURS)).isEqualTo(truth.entities().get(Domain.OPENING_HOURS));
        long readAfterRestart = partitionReads(jobRepository, restarted.id());
        long committed = partitionReads(jobRepository, killed);
        // the restart reads what was not committed; less one chunk if the process died after its mark was
        // committed but before the job repository counted it
        assertThat(committed).isGreaterThanOrEqualTo(committedBeforeKill);
        assertThat(readAfterRestart).isBetween(changes - committed - PAGE, changes - committed);
    }
}
