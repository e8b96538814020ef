package com.storefront.display.reconciler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefront.display.localstack.junit.WithLocalPostgres;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.reconciler.BatchReconcilerApplication;
import com.storefront.display.reconciler.MetadataStore;
import com.storefront.display.reconciler.TestUpstream;
import com.storefront.display.reconciler.launch.JobNames;
import com.storefront.display.simulator.EmbeddedSimulator;
import com.storefront.display.testkit.cassandra.TestKeyspace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.listeners.JobListenerSupport;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two batch-reconciler instances on one metadata database, both scheduling the reconcile every two
 * seconds: clustered Quartz fires each trigger time on exactly one of them, and each fire makes exactly
 * one job execution. On both job stores: the local default's H2 file and the production profile's
 * PostgreSQL.
 */
@WithLocalStack
@WithLocalPostgres
class TwoSchedulersIT {

    private final String keyspace = TestKeyspace.unique("reconciler_schedulers_it");

    /** Scheduled fire times, by instance that ran them. */
    private final Map<Long, Set<String>> firedBy = new ConcurrentHashMap<>();
    /** The same for the incremental-sync trigger (opening-hours, every three seconds here). */
    private final Map<Long, Set<String>> syncFiredBy = new ConcurrentHashMap<>();

    @ParameterizedTest
    @EnumSource(MetadataStore.class)
    void eachFireOfTheNightlyTriggerRunsOnceAcrossTwoInstances(MetadataStore store) throws Exception {
        List<String> metadata = store.arguments(store.newDatabase());
        List<Long> fireTimes;
        try (EmbeddedSimulator simulator = TestUpstream.simulator(5, 50, 42);
             ConfigurableApplicationContext first = instance("first", metadata, simulator.baseUrl());
             ConfigurableApplicationContext second = instance("second", metadata, simulator.baseUrl())) {
            // both triggers' fires, as the assertions below count them (waiting for the nightly one's alone
            // left the sync trigger one fire short once the apps started faster)
            Awaitility.await("five nightly fires and two incremental-sync fires").atMost(Duration.ofSeconds(60))
                    .until(() -> firedBy.size() >= 5 && syncFiredBy.size() >= 2);
            Scheduler one = first.getBean(Scheduler.class);
            Scheduler other = second.getBean(Scheduler.class);
            one.standby();
            other.standby();
            JobRepository jobs = first.getBean(JobRepository.class);
            // a fire's listener has run once its job left the executing list (Quartz notifies ours first)
            Awaitility.await("the last fires and their reconciles end").atMost(Duration.ofSeconds(60))
                    .until(() -> one.getCurrentlyExecutingJobs().isEmpty() && other.getCurrentlyExecutingJobs().isEmpty()
                            && jobs.findRunningJobExecutions(JobNames.RECONCILE).isEmpty());
            fireTimes = reconcileRequestTimes(first.getBean(JobRepository.class));
        } finally {
            TestKeyspace.drop(keyspace);
        }

        List<Long> fired = new ArrayList<>(new TreeMap<>(firedBy).keySet());
        assertThat(fired).as("fires").hasSizeGreaterThanOrEqualTo(4);
        for (int i = 1; i < fired.size(); i++) {
            assertThat(fired.get(i) - fired.get(i - 1)).as("no fire skipped between " + fired).isEqualTo(2_000);
        }
        assertThat(firedBy.values()).as("instances that ran each fire").allSatisfy(instances -> assertThat(instances).hasSize(1));
        assertThat(fireTimes).as("one reconcile execution per fire").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(firedBy.keySet());
        assertThat(syncFiredBy).as("incremental-sync fires").hasSizeGreaterThanOrEqualTo(2);
        assertThat(syncFiredBy.values()).as("instances that ran each sync fire").allSatisfy(instances -> assertThat(instances).hasSize(1));
    }

    private ConfigurableApplicationContext instance(String name, List<String> metadata, String sourceUrl) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--spring.application.name=batch-reconciler-" + name, "--spring.cassandra.keyspace-name=" + keyspace,
                "--display.source.base-url=" + sourceUrl,
                "--display.reconciler.schedule.cron=0/2 * * * * ?", "--display.reconciler.partitions=1",
                "--display.reconciler.sync.interval=3s",
                "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000",
                // the fire listener below is added before this test starts the scheduler: a fire run
                // before it was listened to would look like a skipped fire
                "--spring.quartz.auto-startup=false"));
        args.addAll(metadata);
        args.addAll(TestUpstream.stackArguments());
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BatchReconcilerApplication.class)
                .run(args.toArray(String[]::new));
        Scheduler scheduler = context.getBean(Scheduler.class);
        scheduler.getListenerManager().addJobListener(new JobListenerSupport() {
            @Override
            public String getName() {
                return "fires-" + name;
            }

            @Override
            public void jobWasExecuted(JobExecutionContext fire, JobExecutionException failure) {
                firedBy.computeIfAbsent(fire.getScheduledFireTime().getTime(), t -> ConcurrentHashMap.newKeySet()).add(name);
            }
        }, KeyMatcher.keyEquals(JobKey.jobKey("nightly-reconcile")));
        scheduler.getListenerManager().addJobListener(new JobListenerSupport() {
            @Override
            public String getName() {
                return "sync-fires-" + name;
            }

            @Override
            public void jobWasExecuted(JobExecutionContext fire, JobExecutionException failure) {
                syncFiredBy.computeIfAbsent(fire.getScheduledFireTime().getTime(), t -> ConcurrentHashMap.newKeySet()).add(name);
            }
        }, KeyMatcher.keyEquals(JobKey.jobKey("incremental-sync")));
        scheduler.start();
        return context;
    }

    private static List<Long> reconcileRequestTimes(JobRepository jobs) {
        List<Long> times = new ArrayList<>();
        Map<Long, Integer> executionsPerInstance = new TreeMap<>();
        for (JobInstance instance : jobs.getJobInstances(JobNames.RECONCILE, 0, 10_000)) {
            List<JobExecution> executions = jobs.getJobExecutions(instance);
            executionsPerInstance.put(instance.getInstanceId(), executions.size());
            executions.forEach(e -> times.add(e.getJobParameters().getLong(JobNames.REQUESTED_AT)));
        }
        assertThat(executionsPerInstance.values()).allSatisfy(count -> assertThat(count).isEqualTo(1));
        return times;
    }
}
