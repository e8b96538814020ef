package com.storefront.display.localstack.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storefront.display.localstack.LocalStackException;
import com.storefront.display.localstack.LocalStackSettings;
import com.storefront.display.localstack.ProcessSignals;
import com.storefront.display.localstack.StackProvider;

/**
 * A Cassandra of one test's own, on free ports and with its own data, that the test may stop and start
 * again: for fault-injection tests that must not disturb the shared stack (or a running
 * {@code ./platform up}). Always a child JVM from the server classpath the build copied, whichever
 * provider runs the shared stack, because stopping and restarting the process is the fault under test.
 * {@link #close()} stops it and deletes its directory; a JVM shutdown hook does the same if the test
 * never gets there.
 */
public final class StandaloneCassandra implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StandaloneCassandra.class);

    private final LocalStackSettings settings;
    private final CassandraServer server;
    private final Thread shutdownHook;
    private volatile boolean frozen;

    private StandaloneCassandra(LocalStackSettings settings, Path dir) {
        this.settings = settings;
        this.server = new CassandraServer(settings, dir);
        this.shutdownHook = new Thread(this::close, "standalone-cassandra-stop");
    }

    /**
     * Starts a fresh single-node Cassandra named {@code name} (its folder under the stack home's
     * {@code standalone/}), and returns once it answers CQL.
     */
    public static StandaloneCassandra start(String name) {
        LocalStackSettings shared = LocalStackSettings.fromEnvironment();
        Path dir = shared.home().resolve("standalone").resolve(name);
        int[] ports = freePorts();
        StandaloneCassandra cassandra = new StandaloneCassandra(shared.withCassandraPorts(ports[0], ports[1]), dir);
        // a previous run that died may have left its server and data here
        cassandra.server.stop();
        deleteTree(dir);
        Runtime.getRuntime().addShutdownHook(cassandra.shutdownHook);
        cassandra.startAgain();
        return cassandra;
    }

    public InetSocketAddress contactPoint() {
        return settings.endpoints().cassandraContactPoint();
    }

    /** {@code spring.cassandra.contact-points} and {@code local-datacenter} for this server. */
    public Map<String, String> springProperties() {
        return Map.of("spring.cassandra.contact-points", settings.host() + ":" + settings.cassandraPort(),
                "spring.cassandra.local-datacenter", LocalStackSettings.LOCAL_DATACENTER);
    }

    /** Stops the process (SIGTERM, so acknowledged writes are flushed) and waits until it has exited. */
    public void stop() {
        log.info("standalone cassandra on port {}: stopping", settings.cassandraPort());
        server.stop();
    }

    /** Starts the process again on the same ports and data; returns once it answers CQL. */
    public void startAgain() {
        server.ensureRunning(StackProvider.Owner.TEST_RUN);
    }

    /**
     * Suspends the process (SIGSTOP): its sockets stay open but it answers nothing, as a hung or
     * overloaded node does, so clients meet timeouts rather than refused connections.
     */
    public void freeze() {
        log.info("standalone cassandra on port {}: frozen", settings.cassandraPort());
        ProcessSignals.suspend(pid());
        frozen = true;
    }

    /** Resumes a {@link #freeze() frozen} process (SIGCONT). */
    public void thaw() {
        log.info("standalone cassandra on port {}: thawed", settings.cassandraPort());
        ProcessSignals.resume(pid());
        frozen = false;
    }

    private long pid() {
        return server.recordedPid().orElseThrow(() -> new LocalStackException(
                "standalone cassandra on port " + settings.cassandraPort() + " is not running")).pid();
    }

    @Override
    public void close() {
        if (frozen) {
            thaw();
        }
        server.stop();
        deleteTree(server.dir());
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
    }

    /** Two distinct free ports: native and storage. */
    private static int[] freePorts() {
        try (ServerSocket first = new ServerSocket(0); ServerSocket second = new ServerSocket(0)) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
