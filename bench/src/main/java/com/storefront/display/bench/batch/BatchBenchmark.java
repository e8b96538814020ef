package com.storefront.display.bench.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.storefront.display.bench.common.BenchMain;
import com.storefront.display.bench.common.BenchOptions;
import com.storefront.display.bench.common.BenchTable;
import com.storefront.display.bench.common.DiscardingSink;
import com.storefront.display.bench.common.DriverLoop;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.localstack.LocalStackSettings;
import com.storefront.display.localstack.StackEndpoints;
import com.storefront.display.localstack.postgres.PostgresServer;
import com.storefront.display.simulator.EmbeddedSimulator;
import com.storefront.display.simulator.Simulator;
import com.storefront.display.simulator.SimulatorProperties;
import com.storefront.display.simulator.SimulatorStats;
import com.storefront.display.testkit.app.AppProcess;
import com.storefront.display.testkit.ops.Execution;
import com.storefront.display.testkit.ops.OpsClient;
import com.storefront.display.testkit.truth.TruthWrites;

import tools.jackson.databind.JsonNode;

/**
 * batch-reconciler's jobs on the local stack against a catalogue of {@code --shops} shops and
 * {@code --products} products served by the simulator's source APIs (in-process, over HTTP):
 * <ol>
 * <li>Raw write ceiling: a plain async driver loop writing the very rows the bulk load writes (the
 * same statements, timestamps and in-flight count), made in memory beforehand (the first
 * {@code --ceiling-rows}), so that only Cassandra and the driver are timed.</li>
 * <li>{@code bulk-load} of {@code --domains} through the ops API of a batch-reconciler process (its exec
 * jar, as deployed); rows/s from the execution's write count and times.</li>
 * <li>Raw scan ceiling ({@link ScanCeiling}): a plain async driver loop reading every shop's two partitions
 * with the write times, the reads reconciliation makes.</li>
 * <li>{@code reconcile} of the same domains; rows/s over the rows the read model holds.</li>
 * <li>The same bulk load again (read model emptied) on the production shape's job store: two processes
 * on one PostgreSQL database, a {@code manager-and-worker} and a {@code worker}, the partitions sent over
 * Kafka (remote partitioning); rows/s against the one process's (step 2). On 2 cores both shapes share
 * the same CPUs, so about 1.0 is expected: the row measures what the Kafka hop and the shared repository
 * cost. {@code --remote=false} leaves it out.</li>
 * </ol>
 */
public final class BatchBenchmark {

    private static final Logger log = LoggerFactory.getLogger(BatchBenchmark.class);
    private static final String KEYSPACE = "bench_batch";

    /** The phases of batch-reconciler's {@code display.reconcile.phase} timer ({@code ReconcilePhases}). */
    private static final List<String> RECONCILE_PHASES = List.of("source-listing", "read-model-read", "comparison", "repair-write");

    private final int shops;
    private final long products;
    private final String domains;
    private final int partitions;
    private final int chunkSize;
    private final int writeConcurrency;
    private final int ceilingRows;
    private final boolean remote;
    private final int idBlocks;

    private BatchBenchmark(Map<String, String> args) {
        this.shops = Integer.parseInt(args.getOrDefault("shops", "2000"));
        this.products = Long.parseLong(args.getOrDefault("products", "1000000"));
        this.domains = args.getOrDefault("domains", "products");
        this.partitions = Integer.parseInt(args.getOrDefault("partitions", "8"));
        this.chunkSize = Integer.parseInt(args.getOrDefault("chunk-size", "1000"));
        this.writeConcurrency = Integer.parseInt(args.getOrDefault("write-concurrency", "256"));
        this.ceilingRows = Integer.parseInt(args.getOrDefault("ceiling-rows", "1000000"));
        this.remote = Boolean.parseBoolean(args.getOrDefault("remote", "true"));
        this.idBlocks = Integer.parseInt(args.getOrDefault("id-blocks", "1"));
    }

    public static void main(String[] args) throws Exception {
        BatchBenchmark bench = new BatchBenchmark(BenchOptions.parse(args));
        BenchMain.run(bench::run, () -> "batch benchmark: " + bench.shops + " shops, " + bench.products + " products, domains "
                + bench.domains + ", " + bench.partitions + " partitions, chunk " + bench.chunkSize
                + (bench.idBlocks > 1 ? ", ids in " + bench.idBlocks + " far-apart blocks" : ""));
    }

    private void run(BenchTable table, StackEndpoints stack) throws Exception {
        List<Domain> chosen = Arrays.stream(domains.split(",")).map(Domain::ofSourcePath).toList();
        try (EmbeddedSimulator source = EmbeddedSimulator.start(Map.of("spring.kafka.bootstrap-servers", stack.kafkaBootstrapServers(),
                "display.simulator.catalogue.shops", Integer.toString(shops),
                "display.simulator.catalogue.products", Long.toString(products),
                "display.simulator.catalogue.id-blocks", Integer.toString(idBlocks), "logging.level.root", "WARN"));
             AppProcess reconciler = startReconciler(stack, source.baseUrl());
             CqlSession session = CqlSession.builder().addContactPoint(stack.cassandraContactPoint())
                     .withLocalDatacenter(stack.localDatacenter()).withKeyspace(KEYSPACE).build()) {
            SimulatorProperties catalogue = SimulatorProperties.of(42, shops, products);
            Simulator truth = new Simulator(new SimulatorProperties(catalogue.catalogue().withIdBlocks(idBlocks), catalogue.producer(),
                    catalogue.eventFaults(), catalogue.sourceApiFaults(), false, catalogue.topicPartitions()),
                    new DiscardingSink(), new SimulatorStats());
            truncate(session);
            double rawWrites = rawWrites(session, truth, chosen);
            truncate(session);
            log.info("bulk-load of {} through the ops API", domains);
            Run bulk = run(reconciler, "bulk-load", Map.of("domains", domains));
            double scan = ScanCeiling.rowsPerSecond(session, truth.truth().catalogue().shopIds().toArray());
            log.info("reconcile of {} through the ops API", domains);
            Run reconcile = run(reconciler, "reconcile", Map.of("domains", domains));
            logPhases(OpsClient.at(reconciler.baseUrl()), reconcile.seconds());
            // the rows reconcile compares: those the bulk load wrote (reconcile found them all in place), and the shops
            long rows = bulk.written() + shops;

            double bulkRate = bulk.written() / bulk.seconds();
            table.add(new BenchTable.Row("bulk-load " + domains + " rows/s", "rows/s", bulkRate, rawWrites, 0.8, Double.NaN));
            table.add(BenchTable.Row.atMost("bulk-load 10M rows (extrapolated)", "min", 10_000_000 / bulkRate / 60,
                    10_000_000 / rawWrites / 60, 15));
            table.add(new BenchTable.Row("reconcile rows/s", "rows/s", rows / reconcile.seconds(), scan, 0.5, Double.NaN));
            log.info("bulk-load wrote {} rows in {} s; reconcile compared {} rows in {} s ({} drift)", bulk.written(),
                    Math.round(bulk.seconds()), rows, Math.round(reconcile.seconds()), reconcile.view());
            if (remote) {
                reconciler.close();
                truncate(session);
                Run twoWorkers = remoteBulkLoad(stack, source.baseUrl());
                table.add(new BenchTable.Row("bulk-load over 2 worker processes rows/s", "rows/s",
                        twoWorkers.written() / twoWorkers.seconds(), bulkRate, 0.8, Double.NaN));
                log.info("bulk-load over two worker processes wrote {} rows in {} s", twoWorkers.written(), Math.round(twoWorkers.seconds()));
            }
        }
    }

    /**
     * The bulk load on the production shape: a PostgreSQL database of its own (the local stack's server,
     * started here when none runs), a {@code manager-and-worker} and a {@code worker} process from the exec
     * jar, the partitions over Kafka. Logs which process ran how many partitions.
     */
    private Run remoteBulkLoad(StackEndpoints stack, String sourceUrl) throws IOException {
        try (PostgresServer.Lease lease = PostgresServer.acquire(LocalStackSettings.fromEnvironment())) {
            PostgresServer postgres = lease.server();
            String database = "bench_batch_" + Long.toHexString(System.nanoTime());
            postgres.createDatabase(database);
            List<String> store = List.of("--spring.profiles.active=postgresql", "--spring.datasource.url=" + postgres.jdbcUrl(database),
                    "--spring.datasource.username=" + PostgresServer.USER, "--display.reconciler.ops.username=bench",
                    "--display.reconciler.ops.password=bench", "--display.topics.prefix=bench-batch.",
                    "--display.reconciler.remote.topic=partition-requests-" + database, "--display.reconciler.remote.group=workers-" + database,
                    // the two processes run as many partitions at once as the one process's local threads
                    "--display.reconciler.remote.worker-threads=" + Math.max(1, partitions / 2));
            try (AppProcess manager = startReconciler(stack, sourceUrl, "bench-manager", concat(store, "--display.reconciler.instance=bench-manager"));
                 AppProcess worker = startReconciler(stack, sourceUrl, "bench-worker", concat(store,
                         "--display.reconciler.instance=bench-worker", "--display.reconciler.role=worker"))) {
                log.info("bulk-load of {} over two worker processes (remote partitioning on PostgreSQL database {})", domains, database);
                Run run = run(new OpsClient(manager.baseUrl(), "bench", "bench"), "bulk-load", Map.of("domains", domains));
                log.info("partitions per process: {}", run.partitionsPerWorker());
                return run;
            }
        }
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private static void truncate(CqlSession session) {
        for (String table : List.of("shop_product", "shop")) {
            session.execute(SimpleStatement.newInstance("TRUNCATE " + table).setTimeout(Duration.ofMinutes(2)));
        }
    }

    /**
     * The bulk load's rows (the first {@code --ceiling-rows} of them), made in memory first, then written
     * by a plain async loop with the job's statements and in-flight count: only the writes are timed.
     */
    private double rawWrites(CqlSession session, Simulator truth, List<Domain> chosen) throws Exception {
        List<DisplayWrite> writes = new ArrayList<>();
        for (Domain domain : chosen) {
            writes.addAll(TruthWrites.of(truth.truth(), domain, ceilingRows - writes.size()));
        }
        Map<String, PreparedStatement> prepared = DriverLoop.preparedCache();
        List<BoundStatement> statements = new ArrayList<>(writes.size());
        for (DisplayWrite write : writes) {
            statements.add(DriverLoop.bind(session, prepared, write));
        }
        writes.clear();
        // the job's driver throttler lets at most 1000 requests be in flight, whatever the partitions
        int maxInFlight = Math.min(partitions * writeConcurrency, 1000);
        long start = System.nanoTime();
        double rate = DriverLoop.execute(session, statements, statement -> statement, maxInFlight);
        log.info("raw write ceiling: {} rows in {} s, {} rows/s", statements.size(),
                Math.round((System.nanoTime() - start) / 1e9), Math.round(rate));
        return rate;
    }

    /**
     * Where the reconcile's time went, from the process's {@code display.reconcile.phase} timers (the
     * phases' time summed over the partition threads, so shares of their sum).
     */
    private static void logPhases(OpsClient reconciler, double elapsedSeconds) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String phase : RECONCILE_PHASES) {
            JsonNode metric = reconciler.read("/actuator/metrics/display.reconcile.phase?tag=phase:" + phase, JsonNode.class);
            for (JsonNode measurement : metric.get("measurements")) {
                if (measurement.get("statistic").asString().equals("TOTAL_TIME")) {
                    seconds.put(phase, measurement.get("value").asDouble());
                }
            }
        }
        double threadSeconds = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder shares = new StringBuilder();
        seconds.forEach((phase, spent) -> shares.append(shares.isEmpty() ? "" : ", ").append(phase).append(' ')
                .append(Math.round(100 * spent / threadSeconds)).append("% (").append(Math.round(spent)).append(" s)"));
        log.info("reconcile time by phase, over {} thread-seconds in {} s: {}", Math.round(threadSeconds), Math.round(elapsedSeconds), shares);
    }

    /** A finished job execution: what it wrote, how long it ran, its report, and which instance ran how many partitions. */
    private record Run(long written, double seconds, String view, Map<String, Long> partitionsPerWorker) {
    }

    /** A batch-reconciler process started from its exec jar, as it is deployed, with the benchmark's settings. */
    private AppProcess startReconciler(StackEndpoints stack, String sourceUrl) throws IOException {
        return startReconciler(stack, sourceUrl, "batch-reconciler",
                List.of("--display.metadata-dir=" + Files.createTempDirectory("bench-batch-metadata")));
    }

    /** @param store where its job metadata lives, and anything else that sets it apart */
    private AppProcess startReconciler(StackEndpoints stack, String sourceUrl, String name, List<String> store) {
        List<String> arguments = new ArrayList<>(store);
        arguments.addAll(List.of(
                "--spring.cassandra.keyspace-name=" + KEYSPACE, "--display.source.base-url=" + sourceUrl,
                "--display.reconciler.partitions=" + partitions, "--display.reconciler.chunk-size=" + chunkSize,
                "--display.reconciler.write-concurrency=" + writeConcurrency,
                "--display.source.requests-per-second=100000", "--display.reconciler.schedule.enabled=false"));
        stack.asSpringProperties().forEach((key, value) -> arguments.add("--" + key + "=" + value));
        AppProcess process = AppProcess.fromExecJar("batch-reconciler", Path.of(""),
                name.equals("batch-reconciler") ? Path.of("bench/target") : Path.of("bench/target", name), "1g", arguments);
        try {
            return process.awaitHealthy(Duration.ofMinutes(2));
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /** Runs a job through the ops API to its end: what it wrote, how long it ran, and (reconcile) its drift report. */
    private static Run run(AppProcess reconciler, String job, Map<String, String> parameters) {
        return run(OpsClient.at(reconciler.baseUrl()), job, parameters);
    }

    private static Run run(OpsClient ops, String job, Map<String, String> parameters) {
        Execution execution = ops.withTimeout(Duration.ofHours(2)).start(job, parameters);
        Execution.View ended = execution.complete();
        double seconds = Duration.between(ended.startTime(), ended.endTime()).toMillis() / 1000.0;
        String drift = job.equals("reconcile") ? execution.report().toString() : ended.toString();
        Map<String, Long> perWorker = ended.partitions().items().stream().collect(Collectors.groupingBy(
                partition -> String.valueOf(partition.worker()), TreeMap::new, Collectors.counting()));
        return new Run(ended.writeCount(), seconds, drift, perWorker);
    }
}
