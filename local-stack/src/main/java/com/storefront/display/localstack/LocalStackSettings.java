package com.storefront.display.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

import com.storefront.display.localstack.cassandra.CassandraCluster;

/**
 * Everything a stack start can be told. Each value comes from a system property
 * {@code local-stack.<name>}, else an environment variable {@code LOCAL_STACK_<NAME>}, else the default
 * below; {@code home} defaults to the {@code .local-stack} folder of the checkout that built this jar.
 */
public record LocalStackSettings(
        ProviderChoice provider,
        Path home,
        String host,
        int cassandraPort,
        int cassandraStoragePort,
        String cassandraHeap,
        int cassandraNodes,
        int kafkaPort,
        int kafkaControllerPort,
        String kafkaHeap,
        int postgresPort,
        String postgresBin,
        Duration startTimeout,
        String cassandraVersion,
        String kafkaVersion,
        String postgresVersion) {

    public LocalStackSettings {
        if (cassandraNodes < 0) {
            throw new LocalStackException("local-stack setting 'cassandra-nodes' is 0 (Kafka only), 1 or a cluster's node count, got "
                    + cassandraNodes);
        }
    }

    /** Which provider runs the servers. */
    public enum ProviderChoice {
        /** Testcontainers when a Docker engine answers, else child processes. */
        AUTO,
        /** Child JVMs from the Maven-resolved server classpaths. */
        PROCESS,
        /** Testcontainers; fails clearly when no Docker engine answers. */
        DOCKER
    }

    public static final String LOCAL_DATACENTER = "datacenter1";

    public static LocalStackSettings fromEnvironment() {
        return from(name -> {
            String value = System.getProperty("local-stack." + name);
            if (value == null || value.isBlank()) {
                value = System.getenv("LOCAL_STACK_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
            }
            return value == null || value.isBlank() ? null : value.trim();
        });
    }

    public static LocalStackSettings from(Function<String, String> source) {
        Properties build = buildProperties();
        Function<String, String> value = name -> {
            String v = source.apply(name);
            return v != null ? v : build.getProperty(name);
        };
        return new LocalStackSettings(
                ProviderChoice.valueOf(or(value.apply("provider"), "auto").toUpperCase(Locale.ROOT)),
                Path.of(required(value, "home")).toAbsolutePath().normalize(),
                or(value.apply("host"), "127.0.0.1"),
                intOr(value.apply("cassandra-port"), 9042),
                intOr(value.apply("cassandra-storage-port"), 7000),
                or(value.apply("cassandra-heap"), "1g"),
                intOr(value.apply("cassandra-nodes"), 1),
                intOr(value.apply("kafka-port"), 9092),
                intOr(value.apply("kafka-controller-port"), 9093),
                or(value.apply("kafka-heap"), "768m"),
                intOr(value.apply("postgres-port"), 5432),
                value.apply("postgres-bin"),
                Duration.ofSeconds(intOr(value.apply("start-timeout-seconds"), 180)),
                required(value, "cassandra.version"),
                required(value, "kafka.version"),
                required(value, "postgres.version"));
    }

    /** Where the stack answers; with several Cassandra nodes, every node is a contact point. */
    public StackEndpoints endpoints() {
        String contactPoints = cassandraNodes > 1 ? CassandraCluster.of(this, cassandraNodes).contactPointList()
                : host + ":" + cassandraPort;
        return new StackEndpoints(host, cassandraPort, LOCAL_DATACENTER, host + ":" + kafkaPort, contactPoints);
    }

    /** The same settings with Cassandra on other ports. */
    public LocalStackSettings withCassandraPorts(int nativePort, int storagePort) {
        return new LocalStackSettings(provider, home, host, nativePort, storagePort, cassandraHeap, cassandraNodes, kafkaPort,
                kafkaControllerPort, kafkaHeap, postgresPort, postgresBin, startTimeout, cassandraVersion, kafkaVersion,
                postgresVersion);
    }

    /** One node of a local cluster: these settings on the node's own host (loopback address), as one node. */
    public LocalStackSettings forNode(String nodeHost) {
        return new LocalStackSettings(provider, home, nodeHost, cassandraPort, cassandraStoragePort, cassandraHeap, 1, kafkaPort,
                kafkaControllerPort, kafkaHeap, postgresPort, postgresBin, startTimeout, cassandraVersion, kafkaVersion,
                postgresVersion);
    }

    /** A JVM heap size such as {@code 512m} or {@code 1g}, in MiB. */
    public static int mebibytes(String heap) {
        String size = heap.trim().toLowerCase(Locale.ROOT);
        char unit = size.charAt(size.length() - 1);
        try {
            if (Character.isDigit(unit)) {
                return (int) (Long.parseLong(size) / (1024 * 1024));
            }
            long number = Long.parseLong(size.substring(0, size.length() - 1));
            return (int) switch (unit) {
                case 'g' -> number * 1024;
                case 'm' -> number;
                case 'k' -> number / 1024;
                default -> throw new LocalStackException("not a heap size: " + heap);
            };
        } catch (NumberFormatException e) {
            throw new LocalStackException("not a heap size: " + heap);
        }
    }

    public Path serverLib(String server, String version) {
        return serverHome(server, version).resolve("lib");
    }

    /** Where one server version's files live, e.g. {@code <home>/servers/postgres-17.6.0}. */
    public Path serverHome(String server, String version) {
        return home.resolve("servers").resolve(server + "-" + version);
    }

    private static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = LocalStackSettings.class.getResourceAsStream("/local-stack-build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String required(Function<String, String> value, String name) {
        String v = value.apply(name);
        if (v == null || v.startsWith("@")) {
            throw new LocalStackException("local-stack setting '" + name + "' is not set: build the project with "
                    + "./mvnw package, or set -Dlocal-stack." + name);
        }
        return v;
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static int intOr(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new LocalStackException("local-stack setting is not a number: '" + value + "'");
        }
    }
}
