package com.storefront.display.localstack.cli;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.storefront.display.localstack.LocalStackException;
import com.storefront.display.localstack.LocalStackSettings;
import com.storefront.display.localstack.ProcessStackProvider;
import com.storefront.display.localstack.RunningStack;
import com.storefront.display.localstack.StackEndpoints;
import com.storefront.display.localstack.StackProvider;
import com.storefront.display.localstack.kafka.KafkaPositions;

import org.apache.kafka.common.TopicPartition;

/**
 * {@code start}, {@code stop} and {@code status} for scripts ({@code ./platform}). {@code start} leaves
 * the servers running after it exits; {@code stop} stops every server recorded in the stack home;
 * {@code group <name>} prints which consumer of a Kafka consumer group holds which partitions.
 * {@code build-start [skip...]}, {@code build-release} and {@code build-watch <pid>} keep one stack for a
 * whole Maven build ({@link BuildStack}); the build calls them, a {@code skip} argument of {@code true}
 * (the build's {@code skipTests} or {@code skipITs}) makes {@code build-start} do nothing.
 * Exit code 0 on success, 1 on failure (the message says why), 2 on bad usage.
 */
public final class LocalStackCli {

    private LocalStackCli() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].startsWith("build-")) {
            System.exit(build(args));
        }
        boolean group = args.length == 2 && args[0].equals("group");
        if (!group && (args.length != 1 || !List.of("start", "stop", "status").contains(args[0]))) {
            System.err.println("usage: LocalStackCli start|stop|status|group <consumer group>");
            System.exit(2);
        }
        try {
            System.exit(group ? printGroup(args[1]) : run(args[0]));
        } catch (LocalStackException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(1);
        }
    }

    /** One line per consumer: {@code <client id>: topic[p, p...] topic[...]}. */
    private static int printGroup(String group) {
        StackEndpoints endpoints = LocalStackSettings.fromEnvironment().endpoints();
        try (KafkaPositions kafka = new KafkaPositions(endpoints.kafkaBootstrapServers())) {
            Map<String, List<TopicPartition>> assignment = kafka.assignment(group);
            if (assignment.isEmpty()) {
                System.out.println(group + ": no member");
                return 1;
            }
            assignment.forEach((client, partitions) -> System.out.println(client + ": " + partitions.stream()
                    .collect(Collectors.groupingBy(TopicPartition::topic, TreeMap::new,
                            Collectors.mapping(p -> Integer.toString(p.partition()), Collectors.joining(","))))
                    .entrySet().stream().map(e -> e.getKey() + "[" + e.getValue() + "]").collect(Collectors.joining(" "))));
            return 0;
        } catch (Exception e) {
            throw new LocalStackException("could not describe consumer group " + group + ": " + e.getMessage(), e);
        }
    }

    private static int build(String[] args) {
        BuildStack stack = new BuildStack(LocalStackSettings.fromEnvironment());
        try {
            switch (args[0]) {
                case "build-start" -> {
                    if (List.of(args).subList(1, args.length).contains("true")) {
                        System.out.println("local stack for the build: tests skipped, not started");
                    } else {
                        long build = ProcessHandle.current().parent().map(ProcessHandle::pid)
                                .orElseThrow(() -> new LocalStackException("no parent process to watch"));
                        System.out.println(stack.start(build));
                    }
                }
                case "build-release" -> System.out.println(stack.release());
                case "build-watch" -> stack.watch(Long.parseLong(args[1]));
                default -> {
                    System.err.println("usage: LocalStackCli build-start [skip...]|build-release|build-watch <pid>");
                    return 2;
                }
            }
            return 0;
        } catch (LocalStackException e) {
            System.err.println("local-stack: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int run(String command) {
        LocalStackSettings settings = LocalStackSettings.fromEnvironment();
        ProcessStackProvider provider = new ProcessStackProvider(settings);
        switch (command) {
            case "start" -> {
                long begin = System.nanoTime();
                RunningStack stack = provider.start(StackProvider.Owner.PLATFORM);
                StackEndpoints endpoints = stack.endpoints();
                System.out.printf("cassandra %s (datacenter %s), kafka %s: %s in %.1f s%n",
                        endpoints.cassandraContactPoints(), endpoints.localDatacenter(),
                        endpoints.kafkaBootstrapServers(), stack.reused() ? "already running" : "started",
                        (System.nanoTime() - begin) / 1e9);
                return 0;
            }
            case "stop" -> {
                System.out.println(provider.stopAll() ? "stopped" : "nothing of ours was running");
                return 0;
            }
            default -> {
                List<String> lines = provider.status();
                lines.forEach(System.out::println);
                return lines.stream().allMatch(l -> l.endsWith(" answers")) ? 0 : 1;
            }
        }
    }
}
