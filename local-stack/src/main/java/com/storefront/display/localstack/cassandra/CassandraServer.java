package com.storefront.display.localstack.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.storefront.display.localstack.LocalServer;
import com.storefront.display.localstack.LocalStackException;
import com.storefront.display.localstack.LocalStackSettings;

/**
 * A real Apache Cassandra ({@code cassandra-all}) as a child JVM: the single node of the local stack, or
 * one node of a {@link CassandraCluster}.
 */
public final class CassandraServer extends LocalServer {

    static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";

    private final Path dir;
    private final String name;
    private final String seeds;
    private final String initialToken;
    private final String heap;

    public CassandraServer(LocalStackSettings settings) {
        this(settings, settings.home().resolve("cassandra"));
    }

    /** A single node whose configuration, data and logs live in {@code dir}. */
    public CassandraServer(LocalStackSettings settings, Path dir) {
        this(settings, dir, "cassandra", settings.host() + ":" + settings.cassandraStoragePort(), null,
                settings.cassandraHeap());
    }

    /**
     * One node of a cluster, on {@code settings.host()}.
     *
     * @param seeds        the seed nodes' {@code host:storage-port}, comma-separated
     * @param initialToken the node's one token; null for a single node (Cassandra picks it)
     * @param heap         the node's heap, e.g. {@code 512m}
     */
    public CassandraServer(LocalStackSettings settings, Path dir, String name, String seeds, String initialToken, String heap) {
        super(settings);
        this.dir = dir;
        this.name = name;
        this.seeds = seeds;
        this.initialToken = initialToken;
        this.heap = heap;
    }

    /** The node is one of several: hints on, so that a node that was down catches up when it returns. */
    private boolean clustered() {
        return initialToken != null;
    }

    @Override
    protected Path dir() {
        return dir;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int port() {
        return settings.cassandraPort();
    }

    @Override
    protected String mainClass() {
        return MAIN_CLASS;
    }

    @Override
    protected Path mainLog() {
        return dir().resolve("logs").resolve("system.log");
    }

    @Override
    protected List<String> prepareCommand() {
        Path lib = requireLib("cassandra", settings.cassandraVersion());
        Path conf = dir().resolve("conf");
        write(conf.resolve("cassandra.yaml"), resource("cassandra.yaml")
                .replace("${initial_token}", initialToken == null ? "" : "initial_token: " + initialToken)
                .replace("${seeds}", seeds)
                .replace("${hints}", Boolean.toString(clustered()))
                .replace("${memtable_heap}", memtableHeap())
                .replace("${host}", settings.host())
                .replace("${storage_port}", Integer.toString(settings.cassandraStoragePort()))
                .replace("${native_port}", Integer.toString(settings.cassandraPort())));
        write(conf.resolve("logback.xml"), resource("cassandra-logback.xml"));

        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xms" + heap);
        command.add("-Xmx" + heap);
        resource("cassandra-jvm17-server.options").lines()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .forEach(line -> command.addAll(List.of(line.split("\\s+"))));
        command.add("-javaagent:" + jamm(lib));
        command.add("-Dcassandra.config=" + conf.resolve("cassandra.yaml").toUri());
        command.add("-Dcassandra.storagedir=" + dir().resolve("data"));
        command.add("-Dcassandra.logdir=" + dir().resolve("logs"));
        command.add("-Dlogback.configurationFile=" + conf.resolve("logback.xml"));
        command.add("-Dcassandra-foreground=yes");
        // single-node speed-ups: no gossip settling, short ring delay
        command.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
        command.add("-Dcassandra.ring_delay_ms=100");
        // a cluster's nodes join one after another, each with its own token and no data to stream
        command.add("-Dcassandra.consistent.rangemovement=false");
        // no flush of system tables on every schema change: DDL takes milliseconds instead of a second.
        // Fine for a throwaway single node, never for production, nor for a cluster's node, which tests
        // kill: killed, it would forget the schema and its own tokens and host id
        if (!clustered()) {
            command.add("-Dcassandra.unsafesystem=true");
        }
        command.add("-cp");
        command.add(conf + ":" + lib + "/*");
        command.add(MAIN_CLASS);
        return command;
    }

    /** A quarter of the heap for memtables, as Cassandra's own default, at most 256 MiB. */
    private String memtableHeap() {
        return Math.min(256, LocalStackSettings.mebibytes(heap) / 4) + "MiB";
    }

    private static Path jamm(Path lib) {
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(f -> f.getFileName().toString().matches("jamm-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new LocalStackException("no jamm jar in " + lib));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean answers(Duration timeout) {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, timeout)
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, timeout)
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, timeout)
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, timeout)
                // a probe: no schema to load, and a close that does not wait two quiet seconds
                .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
                .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
                .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
                .build();
        try (CqlSession session = CqlSession.builder()
                .addContactPoint(settings.endpoints().cassandraContactPoint())
                .withLocalDatacenter(LocalStackSettings.LOCAL_DATACENTER)
                .withConfigLoader(config)
                .build()) {
            return session.execute("SELECT release_version FROM system.local").one() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
