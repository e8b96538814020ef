package com.storefront.display.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.storefront.display.localstack.cassandra.CassandraCluster;
import com.storefront.display.localstack.cassandra.CassandraServer;
import com.storefront.display.localstack.kafka.KafkaServer;
import com.storefront.display.localstack.postgres.PostgresServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Cassandra and Kafka as child JVMs from the server classpaths the build copied (no Docker). With
 * {@code cassandra-nodes} above 1 it runs the production shape: Cassandra is a {@link CassandraCluster}
 * on {@code 127.0.0.1}, {@code 127.0.0.2}..., started while Kafka starts beside it, and PostgreSQL holds
 * the batch instances' shared job store (database {@value #METADATA_DATABASE}). With {@code cassandra-nodes}
 * 0 it runs Kafka alone, for tests that start Cassandra servers of their own and stop them on purpose.
 */
public final class ProcessStackProvider implements StackProvider {

    private static final Logger log = LoggerFactory.getLogger(ProcessStackProvider.class);

    private final LocalStackSettings settings;
    /** The single Cassandra node (absent for a cluster or with 0 nodes) and Kafka. */
    private final List<LocalServer> servers;
    /** The cluster the settings ask for; null for a single node. */
    private final CassandraCluster cluster;
    /** Every node a cluster of the stack home may have, running or not: {@link #stopAll} stops them all. */
    private final CassandraCluster anyCluster;

    public ProcessStackProvider(LocalStackSettings settings) {
        this.settings = settings;
        this.anyCluster = CassandraCluster.of(settings, Math.max(3, settings.cassandraNodes()));
        this.cluster = settings.cassandraNodes() > 1 ? CassandraCluster.of(settings, settings.cassandraNodes()) : null;
        this.servers = cluster != null ? List.of(new KafkaServer(settings), new PostgresServer(settings))
                : settings.cassandraNodes() == 0 ? List.of(new KafkaServer(settings))
                : List.of(new CassandraServer(settings), new KafkaServer(settings));
    }

    /** The database the batch-reconciler instances of a cluster share for their Batch and Quartz metadata. */
    public static final String METADATA_DATABASE = "display_metadata";

    @Override
    public String name() {
        return "process";
    }

    @Override
    public RunningStack start(Owner owner) {
        long begin = System.nanoTime();
        // both servers start in parallel: Cassandra dominates, Kafka comes for free
        List<CompletableFuture<LocalServer.Outcome>> starts = servers.stream()
                .map(server -> CompletableFuture.supplyAsync(() -> server.ensureRunning(owner)))
                .toList();
        CompletableFuture<CassandraCluster> nodes = cluster == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> cluster.startFor(owner));
        List<LocalServer> toStop = new ArrayList<>();
        RuntimeException failure = null;
        for (int i = 0; i < servers.size(); i++) {
            try {
                LocalServer.Outcome outcome = starts.get(i).join();
                if (outcome != LocalServer.Outcome.REUSED) {
                    toStop.add(servers.get(i));
                }
            } catch (CompletionException e) {
                failure = failure == null ? unwrap(e) : failure;
            }
        }
        try {
            nodes.join();
        } catch (CompletionException e) {
            failure = failure == null ? unwrap(e) : failure;
        }
        if (failure != null) {
            // a half-started stack is no use to anyone: stop what this call launched
            if (owner == Owner.TEST_RUN) {
                toStop.forEach(LocalServer::stop);
                if (cluster != null) {
                    cluster.stopAll();
                }
            }
            throw failure;
        }
        if (cluster != null) {
            servers.stream().filter(PostgresServer.class::isInstance).map(PostgresServer.class::cast)
                    .forEach(postgres -> postgres.createDatabase(METADATA_DATABASE));
        }
        log.info("local stack ({}) ready in {} ms: {}", name(), (System.nanoTime() - begin) / 1_000_000,
                settings.endpoints());
        return new ProcessStack(owner == Owner.TEST_RUN ? toStop : List.of(),
                owner == Owner.TEST_RUN ? cluster : null, toStop.isEmpty() && cluster == null);
    }

    /** Stops every server recorded in the stack home, whoever started it. */
    public boolean stopAll() {
        boolean any = false;
        for (int i = servers.size() - 1; i >= 0; i--) {
            any |= servers.get(i).stop();
        }
        any |= anyCluster.stopAll();
        any |= new CassandraServer(settings).stop();
        return any;
    }

    /**
     * How long a status probe may wait for an answer. A server that answers returns at once; a busy one (a
     * broker feeding consumers at tens of thousands of events a second on two cores) can take seconds to
     * accept a new client's connection and metadata request, and is not down for that.
     */
    public static final java.time.Duration STATUS_PROBE = java.time.Duration.ofSeconds(20);

    /** One line per server (per node of a cluster): running or not, its pid and owner, whether it answers. */
    public List<String> status() {
        List<String> lines = new ArrayList<>(cluster == null ? List.of() : cluster.status());
        servers.stream().map(server -> server.name() + ": "
                + server.recordedPid().map(p -> "running, pid " + p.pid() + ", started by " + p.owner())
                        .orElse("no process of ours")
                + ", port " + server.port() + (server.answers(STATUS_PROBE) ? " answers" : " does not answer"))
                .forEach(lines::add);
        return lines;
    }

    private static RuntimeException unwrap(CompletionException e) {
        return e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }

    private final class ProcessStack implements RunningStack {

        private final List<LocalServer> owned;
        private final CassandraCluster ownedCluster;
        private final boolean reused;

        ProcessStack(List<LocalServer> owned, CassandraCluster ownedCluster, boolean reused) {
            this.owned = owned;
            this.ownedCluster = ownedCluster;
            this.reused = reused;
        }

        @Override
        public StackEndpoints endpoints() {
            return settings.endpoints();
        }

        @Override
        public String providerName() {
            return name();
        }

        @Override
        public boolean reused() {
            return reused;
        }

        @Override
        public void close() {
            for (int i = owned.size() - 1; i >= 0; i--) {
                owned.get(i).stop();
            }
            if (ownedCluster != null) {
                ownedCluster.stopAll();
            }
        }
    }
}
