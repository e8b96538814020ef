package com.storefront.display.localstack;

import java.util.List;

/**
 * {@code start}, {@code stop} and {@code status} for scripts ({@code ./platform}). {@code start} leaves
 * the servers running after it exits; {@code stop} stops every server recorded in the stack home.
 * Exit code 0 on success, 1 on failure (the message says why), 2 on bad usage.
 */
public final class LocalStackCli {

    private LocalStackCli() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || !List.of("start", "stop", "status").contains(args[0])) {
            System.err.println("usage: LocalStackCli start|stop|status");
            System.exit(2);
        }
        try {
            System.exit(run(args[0]));
        } catch (LocalStackException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(1);
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
                System.out.printf("cassandra %s:%d (datacenter %s), kafka %s: %s in %.1f s%n",
                        endpoints.cassandraHost(), endpoints.cassandraPort(), endpoints.localDatacenter(),
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
