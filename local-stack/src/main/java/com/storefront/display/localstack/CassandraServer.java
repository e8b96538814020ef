package com.storefront.display.localstack;

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

/** A real single-node Apache Cassandra ({@code cassandra-all}) as a child JVM. */
final class CassandraServer extends LocalServer {

    static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";

    private final Path dir;

    CassandraServer(LocalStackSettings settings) {
        this(settings, settings.home().resolve("cassandra"));
    }

    /** A server whose configuration, data and logs live in {@code dir}. */
    CassandraServer(LocalStackSettings settings, Path dir) {
        super(settings);
        this.dir = dir;
    }

    @Override
    Path dir() {
        return dir;
    }

    @Override
    String name() {
        return "cassandra";
    }

    @Override
    int port() {
        return settings.cassandraPort();
    }

    @Override
    String mainClass() {
        return MAIN_CLASS;
    }

    @Override
    Path mainLog() {
        return dir().resolve("logs").resolve("system.log");
    }

    @Override
    List<String> prepareCommand() {
        Path lib = requireLib("cassandra", settings.cassandraVersion());
        Path conf = dir().resolve("conf");
        write(conf.resolve("cassandra.yaml"), resource("cassandra.yaml")
                .replace("${host}", settings.host())
                .replace("${storage_port}", Integer.toString(settings.cassandraStoragePort()))
                .replace("${native_port}", Integer.toString(settings.cassandraPort())));
        write(conf.resolve("logback.xml"), resource("cassandra-logback.xml"));

        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xms" + settings.cassandraHeap());
        command.add("-Xmx" + settings.cassandraHeap());
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
        // no flush of system tables on every schema change: DDL takes milliseconds instead of a second.
        // Fine for a throwaway development node, never for production.
        command.add("-Dcassandra.unsafesystem=true");
        command.add("-cp");
        command.add(conf + ":" + lib + "/*");
        command.add(MAIN_CLASS);
        return command;
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
    boolean answers(Duration timeout) {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, timeout)
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, timeout)
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, timeout)
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, timeout)
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
