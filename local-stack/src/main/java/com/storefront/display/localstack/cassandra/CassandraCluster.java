package com.storefront.display.localstack.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storefront.display.localstack.LocalServer;
import com.storefront.display.localstack.LocalStackException;
import com.storefront.display.localstack.LocalStackSettings;
import com.storefront.display.localstack.ProcessStackProvider;
import com.storefront.display.localstack.StackProvider;

/**
 * A real Cassandra cluster of several nodes on this machine, one datacenter ({@code datacenter1}), each
 * node a child JVM on its own loopback address with the same ports (native 9042, storage 7000 by
 * default), from the same server jars as the single node. The first node is the seed; each node owns one
 * evenly spaced token and joins without streaming (all start empty), so three nodes are up in well under
 * a minute. Replication and consistency stay the apps' configuration: {@link #replication(int)} is the
 * keyspace map for a replication factor.
 * <p>
 * Nodes are numbered from 1. {@link #kill(int)} is a crash (SIGKILL), {@link #stop(int)} a clean
 * shutdown, {@link #start(int)} brings a node back on its data.
 */
public final class CassandraCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CassandraCluster.class);

    /** Each node's heap unless told otherwise: three fit beside Kafka and the apps on a 2-core machine. */
    public static final String NODE_HEAP = "640m";

    private final LocalStackSettings settings;
    private final List<CassandraServer> nodes;
    private final Path dir;
    private final boolean throwaway;

    private CassandraCluster(LocalStackSettings settings, List<String> hosts, Path dir, String heap, boolean throwaway) {
        this.settings = settings;
        this.dir = dir;
        this.throwaway = throwaway;
        String seed = hosts.get(0) + ":" + settings.cassandraStoragePort();
        List<CassandraServer> servers = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            String name = "cassandra-" + (i + 1);
            servers.add(new CassandraServer(settings.forNode(hosts.get(i)), dir.resolve(name), name, seed,
                    token(i, hosts.size()), heap));
        }
        this.nodes = List.copyOf(servers);
    }

    /**
     * The local stack's cluster ({@code ./platform up --cluster}): nodes on {@code 127.0.0.1},
     * {@code 127.0.0.2}, ... with the stack's ports, data under the stack home's {@code cassandra-cluster/}.
     */
    public static CassandraCluster of(LocalStackSettings settings, int nodes) {
        return new CassandraCluster(settings, hosts("127.0.0.", nodes), settings.home().resolve("cassandra-cluster"),
                NODE_HEAP, false);
    }

    /**
     * A cluster of one test's own, on {@code 127.0.2.1}... (the shared stack keeps {@code 127.0.0.1}), with
     * fresh data under the stack home's {@code standalone/<name>/}. Not started: call {@link #start()}.
     * {@link #close()} kills it and deletes its data; a JVM shutdown hook does so if the test never does.
     */
    public static CassandraCluster standalone(String name, int nodes) {
        LocalStackSettings shared = LocalStackSettings.fromEnvironment();
        CassandraCluster cluster = new CassandraCluster(shared, hosts("127.0.2.", nodes),
                shared.home().resolve("standalone").resolve(name), NODE_HEAP, true);
        // a run that died may have left its nodes and data here
        cluster.nodes.forEach(CassandraServer::kill);
        cluster.deleteData();
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "cassandra-cluster-stop"));
        return cluster;
    }

    private static List<String> hosts(String prefix, int nodes) {
        if (nodes < 1 || nodes > 9) {
            throw new LocalStackException("a local Cassandra cluster has 1 to 9 nodes, not " + nodes);
        }
        return IntStream.rangeClosed(1, nodes).mapToObj(i -> prefix + i).toList();
    }

    /** Node {@code i}'s token of {@code n} evenly spaced over Murmur3's range. */
    static String token(int i, int n) {
        BigInteger range = BigInteger.TWO.pow(64);
        return BigInteger.TWO.pow(63).negate().add(range.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n)))
                .toString();
    }

    /** {@code {'class': 'NetworkTopologyStrategy', 'datacenter1': rf}}, for {@code CREATE KEYSPACE}. */
    public static String replication(int replicationFactor) {
        return "{'class': 'NetworkTopologyStrategy', '" + LocalStackSettings.LOCAL_DATACENTER + "': " + replicationFactor + "}";
    }

    public int size() {
        return nodes.size();
    }

    /**
     * Starts every node that is not running, the seed first, one after another (two nodes joining at once
     * can fail: one of them exited during start-up here, once in a few runs); returns once all answer CQL.
     */
    public CassandraCluster start() {
        return startFor(StackProvider.Owner.TEST_RUN);
    }

    /** Starts the cluster for a test run or as the platform's ({@code ./platform up --cluster}). */
    public CassandraCluster startFor(StackProvider.Owner owner) {
        long begin = System.nanoTime();
        for (CassandraServer node : nodes) {
            node.ensureRunning(owner);
        }
        log.info("cassandra cluster of {} nodes ready in {} ms: {}", nodes.size(), (System.nanoTime() - begin) / 1_000_000,
                contactPoints());
        return this;
    }

    /** Starts node {@code n} (again, on its data); returns once it answers CQL. */
    public void start(int n) {
        node(n).ensureRunning(StackProvider.Owner.TEST_RUN);
    }

    /** Stops node {@code n} cleanly (SIGTERM) and waits until it exited. */
    public void stop(int n) {
        node(n).stop();
    }

    /** Kills node {@code n} (SIGKILL), as a crash or a pulled plug would. */
    public void kill(int n) {
        node(n).kill();
    }

    /** Whether node {@code n} answers CQL now. */
    public boolean answers(int n) {
        return node(n).answers(Duration.ofSeconds(5));
    }

    /** Every node's native address, node 1 first. */
    public List<InetSocketAddress> contactPoints() {
        return nodes.stream().map(node -> node.settings().endpoints().cassandraContactPoint()).toList();
    }

    /** Node {@code n}'s native address. */
    public InetSocketAddress contactPoint(int n) {
        return node(n).settings().endpoints().cassandraContactPoint();
    }

    /** {@code spring.cassandra.contact-points} (every node) and {@code local-datacenter}. */
    public Map<String, String> springProperties() {
        return Map.of("spring.cassandra.contact-points", contactPointList(),
                "spring.cassandra.local-datacenter", LocalStackSettings.LOCAL_DATACENTER);
    }

    /** {@code host:port,host:port,...}. */
    public String contactPointList() {
        return contactPoints().stream().map(a -> a.getHostString() + ":" + a.getPort()).collect(Collectors.joining(","));
    }

    /** One line per node: its address, pid and whether it answers. */
    public List<String> status() {
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= nodes.size(); n++) {
            CassandraServer node = node(n);
            lines.add(node.name() + " " + node.settings().host() + ":" + node.port() + ": "
                    + node.recordedPid().map(p -> "running, pid " + p.pid() + ", started by " + p.owner())
                            .orElse("no process of ours")
                    + (node.answers(ProcessStackProvider.STATUS_PROBE) ? ", answers" : ", does not answer"));
        }
        return lines;
    }

    /** Stops every node; returns whether any was running. */
    public boolean stopAll() {
        boolean any = false;
        for (int n = nodes.size(); n >= 1; n--) {
            any |= node(n).stop();
        }
        return any;
    }

    private CassandraServer node(int n) {
        if (n < 1 || n > nodes.size()) {
            throw new IllegalArgumentException("node " + n + " of a cluster of " + nodes.size() + " (nodes count from 1)");
        }
        return nodes.get(n - 1);
    }

    /** Stops every node; a test's own cluster is killed (its data is deleted anyway) and its data deleted. */
    @Override
    public void close() {
        if (throwaway) {
            nodes.forEach(CassandraServer::kill);
            deleteData();
        } else {
            stopAll();
        }
    }

    private void deleteData() {
        try {
            LocalServer.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
