package com.storefront.display.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.storefront.display.core.cql.SessionDefaults;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.localstack.LocalStackSettings;
import com.storefront.display.localstack.cassandra.StandaloneCassandra;
import com.storefront.display.localstack.kafka.KafkaPositions;
import com.storefront.display.simulator.EmbeddedSimulator;
import com.storefront.display.simulator.Simulator;
import com.storefront.display.simulator.SimulatorStats;
import com.storefront.display.simulator.fault.EventFaults;
import com.storefront.display.simulator.fault.Faults;
import com.storefront.display.simulator.fault.SourceApiFaults;
import com.storefront.display.simulator.producer.DomainMix;
import com.storefront.display.simulator.producer.ProducerSettings;
import com.storefront.display.simulator.truth.ShopSnapshot;
import com.storefront.display.testkit.app.AppProcess;
import com.storefront.display.testkit.ops.Execution;
import com.storefront.display.testkit.ops.OpsClient;
import com.storefront.display.testkit.truth.ReadModelOracle;


/**
 * The whole platform under every fault at once, then one reconcile, then the read model and the display
 * API compared with the source of truth:
 * <ol>
 * <li>A Cassandra of the scenario's own (so stopping it disturbs nothing else) and the shared Kafka; the
 * simulator (in this JVM, for its truth and counters) as the upstream domains; stream-ingest,
 * batch-reconciler and display-api as processes from their exec jars.</li>
 * <li>{@code bulk-load} through the ops API.</li>
 * <li>A steady event stream with dropped, duplicated, reordered and malformed events and zero-payload
 * product events; in its middle Cassandra stops for {@code cassandraOutage}, later the source APIs
 * answer 503 for {@code sourceOutage}.</li>
 * <li>The stream stops; ingest drains its lag and re-drives what it deferred; one {@code reconcile}.</li>
 * <li>Every cell of every shop and domain compared with the truth; every malformed record looked for in
 * the failure store; sampled shops read through the display API and compared with the truth.</li>
 * </ol>
 */
public final class ConvergenceScenario {

    private static final Logger log = LoggerFactory.getLogger(ConvergenceScenario.class);
    /** The scenario's own topics: nothing it publishes reaches a test's, a benchmark's or the demo's consumers. */
    private static final Topics OWN_TOPICS = new Topics("scenario-convergence.");
    private static final List<String> TOPICS = OWN_TOPICS.all();
    /** The store's event stream, and opening hours changing at their source only, which only the reconcile repairs. */
    private static final DomainMix WITH_OPENING_HOURS = DomainMix.STORE.with(Domain.OPENING_HOURS, 1);
    private static final String KEYSPACE = "display";

    /**
     * How big and how faulty the run is.
     *
     * @param shops          catalogue shops
     * @param products       catalogue products
     * @param changesPerSecond the event stream's rate
     * @param steady         the stream's time before, between and after the two outages
     * @param sampledShops   shops read through the display API (spread over the catalogue)
     */
    public record Settings(int shops, long products, int changesPerSecond, Duration steady, Duration cassandraOutage,
                           Duration sourceOutage, EventFaults faults, double thinProductEvents, int sampledShops, long seed) {

        /** The scenario of issue 7: 10k shops, drop 2%, duplicate 2%, reorder, 0.5% malformed, 30 s and 20 s outages. */
        public static Settings of(int shops, long products, int changesPerSecond) {
            return new Settings(shops, products, changesPerSecond, Duration.ofSeconds(10), Duration.ofSeconds(30),
                    Duration.ofSeconds(20), new EventFaults(2, 2, 16, 0, 0, 0.5, 0), 0.2, 40, 20261125);
        }

        /** The same faults, with other durations: the steady stream between them and each outage. */
        public Settings withDurations(Duration steady, Duration cassandraOutage, Duration sourceOutage) {
            return new Settings(shops, products, changesPerSecond, steady, cassandraOutage, sourceOutage, faults,
                    thinProductEvents, sampledShops, seed);
        }
    }

    private final Settings settings;
    private final Path root;
    private final Path dir;
    private final String kafkaBootstrap;
    private final Http http = new Http();

    /**
     * @param root           the project's root (where the apps' exec jars were built)
     * @param dir            where the apps' logs and the batch metadata go
     * @param kafkaBootstrap the shared Kafka
     */
    public ConvergenceScenario(Settings settings, Path root, Path dir, String kafkaBootstrap) {
        this.settings = settings;
        this.root = root;
        this.dir = dir;
        this.kafkaBootstrap = kafkaBootstrap;
    }

    @SuppressWarnings("try") // stopApps is there to be closed, not referenced
    public ConvergenceReport run() throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 100_000_000);
        String group = "convergence-" + run;
        List<AppProcess> apps = new ArrayList<>();
        try (StandaloneCassandra cassandra = StandaloneCassandra.start("convergence");
             EmbeddedSimulator embedded = EmbeddedSimulator.start(Map.of("spring.kafka.bootstrap-servers", kafkaBootstrap,
                     "display.simulator.catalogue.shops", Integer.toString(settings.shops()),
                     "display.simulator.catalogue.products", Long.toString(settings.products()),
                     "display.simulator.catalogue.seed", Long.toString(settings.seed()),
                     "display.topics.prefix", OWN_TOPICS.prefix()));
             KafkaPositions kafka = new KafkaPositions(kafkaBootstrap);
             // closed first: the apps stop while Cassandra, Kafka and the sources still answer
             AutoCloseable stopApps = () -> AppProcess.closeAll(apps)) {
            Simulator simulator = embedded.simulator();
            simulator.faults().set(Faults.NONE);
            kafka.awaitTopics(TOPICS, Duration.ofSeconds(60));
            kafka.startGroupAtEnd(group, TOPICS);

            List<String> store = List.of("--spring.cassandra.contact-points=" + cassandra.springProperties().get("spring.cassandra.contact-points"),
                    "--spring.cassandra.local-datacenter=" + LocalStackSettings.LOCAL_DATACENTER,
                    "--spring.kafka.bootstrap-servers=" + kafkaBootstrap, "--display.topics.prefix=" + OWN_TOPICS.prefix());
            AppProcess ingest = start(apps, "stream-ingest", "512m", store, "--spring.kafka.consumer.group-id=" + group,
                    "--display.source.base-url=" + embedded.baseUrl(), "--display.ingest.retry.max-interval=2s",
                    "--display.cassandra.reconnect-max-delay=2s", "--display.ingest.redrive-interval=2s");
            AppProcess batch = start(apps, "batch-reconciler", "768m", store,
                    "--display.source.base-url=" + embedded.baseUrl(),
                    "--display.metadata-dir=" + dir.resolve("batch-metadata").toAbsolutePath(),
                    "--display.reconciler.schedule.enabled=false");
            AppProcess api = start(apps, "display-api", "384m", store);
            for (AppProcess app : apps) {
                app.awaitHealthy(Duration.ofMinutes(4));
            }

            long started = System.nanoTime();
            Execution.View bulkLoad = ops(batch).run("bulk-load", Map.of());
            log.info("bulk load: {}", bulkLoad);

            simulator.faults().set(new Faults(settings.faults(), SourceApiFaults.NONE));
            simulator.producer().update(new ProducerSettings(settings.changesPerSecond(), WITH_OPENING_HOURS,
                    settings.thinProductEvents(), 0.3, 2));
            simulator.producer().start();
            log.info("event stream at {} changes/s with {}", settings.changesPerSecond(), settings.faults());
            pause(settings.steady());

            log.info("Cassandra outage: stopping it for {} s", settings.cassandraOutage().toSeconds());
            cassandra.stop();
            pause(settings.cassandraOutage());
            cassandra.startAgain();
            log.info("Cassandra is back; {} changes so far", simulator.stats().snapshot().changes());
            pause(settings.steady());

            log.info("source API outage: every source call answers 503 for {} s", settings.sourceOutage().toSeconds());
            simulator.faults().set(new Faults(settings.faults(), new SourceApiFaults(0, 0, true)));
            pause(settings.sourceOutage());
            simulator.faults().set(new Faults(settings.faults(), SourceApiFaults.NONE));
            log.info("the source APIs answer again");
            pause(settings.steady());

            simulator.producer().stop();
            SimulatorStats.Snapshot stats = simulator.stats().snapshot();
            log.info("event stream stopped: {}", stats);
            long stoppedAt = System.nanoTime();
            kafka.awaitConsumed(group, TOPICS, Duration.ofMinutes(5));
            Duration drained = Duration.ofNanos(System.nanoTime() - stoppedAt);
            log.info("ingest consumed every record {} s after the stream stopped", drained.toSeconds());

            try (CqlSession session = CqlSession.builder().addContactPoint(cassandra.contactPoint())
                    .withLocalDatacenter(LocalStackSettings.LOCAL_DATACENTER).withKeyspace(KEYSPACE)
                    .withConfigLoader(SessionDefaults.closeAtOnce(SessionDefaults.schemaOf(DriverConfigLoader.programmaticBuilder(), KEYSPACE))
                            .build()).build()) {
                awaitRedriven(session, Duration.ofMinutes(3));
                ReadModelOracle.Result before = ReadModelOracle.compare(simulator.truth(), session, settings.shops());
                log.info("before reconcile: {} differences in {} cells", before.totalDifferences(), before.totalCells());

                long reconcileStarted = System.nanoTime();
                Execution reconcile = ops(batch).reconcile(Map.of());
                reconcile.complete();
                Duration reconciled = Duration.ofNanos(System.nanoTime() - reconcileStarted);
                Execution.RunReport report = reconcile.report();
                log.info("reconcile report: {}", report);

                ReadModelOracle.Result after = ReadModelOracle.compare(simulator.truth(), session, settings.shops());
                log.info("after reconcile: {} differences in {} cells; {}", after.totalDifferences(), after.totalCells(), after.samples());
                FailureCensus failures = FailureCensus.read(session);
                StoreFrontCheck.Result storeFront = StoreFrontCheck.check(http, api.baseUrl(), sampledShops(simulator));
                log.info("display API: {} shops, {} products, {} fields compared, {} differences {}", storeFront.shops(),
                        storeFront.products(), storeFront.fields(), storeFront.differences().size(),
                        storeFront.differences().stream().limit(20).toList());
                return new ConvergenceReport(settings, stats, drained, new TreeMap<>(report.drift()),
                        new TreeMap<>(report.repaired()), reconciled, before, after, failures, storeFront,
                        Duration.ofNanos(System.nanoTime() - started), ingestHealthy(ingest));
            }
        }
    }

    private AppProcess start(List<AppProcess> apps, String app, String heap, List<String> store, String... arguments) {
        List<String> all = new ArrayList<>(store);
        all.addAll(List.of(arguments));
        AppProcess process = AppProcess.fromExecJar(app, root, dir, heap, all);
        apps.add(process);
        return process;
    }

    /** The ops API of the batch app, waiting up to 20 minutes for a job. */
    private static OpsClient ops(AppProcess batch) {
        return OpsClient.at(batch.baseUrl()).withTimeout(Duration.ofMinutes(20));
    }

    /** Waits until ingest has re-driven every record it deferred while the source was down. */
    private static void awaitRedriven(CqlSession session, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long waiting = FailureCensus.read(session).retryableWaiting();
            if (waiting == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(waiting + " deferred records still not re-driven after " + timeout);
            }
            log.info("{} deferred records still to re-drive", waiting);
            pause(Duration.ofSeconds(2));
        }
    }

    /** Shops spread evenly over the catalogue, the first and the last included. */
    private List<ShopSnapshot> sampledShops(Simulator simulator) {
        Set<Long> ids = new HashSet<>();
        int samples = Math.min(settings.sampledShops(), settings.shops());
        for (int i = 0; i < samples; i++) {
            ids.add(1 + (long) i * (settings.shops() - 1) / Math.max(1, samples - 1));
        }
        return ids.stream().sorted().map(simulator.truth()::snapshot).toList();
    }

    private boolean ingestHealthy(AppProcess ingest) {
        return http.status(ingest.baseUrl() + "/actuator/health") == 200;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
