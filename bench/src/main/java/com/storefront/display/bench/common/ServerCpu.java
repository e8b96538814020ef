package com.storefront.display.bench.common;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * CPU time used by the server processes of the stack (Cassandra nodes, the Kafka broker), read from the
 * OS for processes whose command line matches: what one event costs each part of the write path, beside
 * this JVM's own CPU per event.
 */
public final class ServerCpu {

    /** A server by what its command line contains, e.g. its main class and its data folder. */
    public record Server(String name, Predicate<String> commandLine) {
    }

    public static final Server CASSANDRA = new Server("Cassandra", line -> line.contains("CassandraDaemon"));
    public static final Server KAFKA = new Server("Kafka", line -> line.contains("kafka.Kafka"));

    private ServerCpu() {
    }

    /** Total CPU of every live process of the server so far. */
    public static Duration used(Server server) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> server.commandLine().test(line)).orElse(false))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** Microseconds of CPU per item of each server between two readings. */
    public static String perItem(List<Server> servers, List<Duration> before, List<Duration> after, long items) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < servers.size(); i++) {
            double micros = (after.get(i).toNanos() - before.get(i).toNanos()) / 1e3 / items;
            line.append(i == 0 ? "" : ", ").append(servers.get(i).name()).append(' ').append(String.format("%.1f", micros)).append(" us");
        }
        return line.toString();
    }

    public static List<Duration> used(List<Server> servers) {
        return servers.stream().map(ServerCpu::used).toList();
    }
}
