package com.storefront.display.localstack;

/**
 * Runs Cassandra (a single node, or a cluster of processes with {@code cassandra-nodes}) and Kafka. Two implementations: child processes from Maven-resolved
 * jars ({@link ProcessStackProvider}) and Testcontainers ({@link ContainerStackProvider}).
 */
public interface StackProvider {

    /** A short name for logs and the README: {@code process} or {@code testcontainers}. */
    String name();

    /**
     * Starts both servers, or reuses servers already answering on the configured ports, and returns
     * once Cassandra answers a CQL query and Kafka answers {@code describeCluster}.
     *
     * @param owner who asks; decides who stops the servers later
     * @return the running stack; closing it stops only what this call started
     * @throws LocalStackException when a port is taken by something else or a start times out
     */
    RunningStack start(Owner owner);

    /** Who started a server, recorded in its pid file. */
    enum Owner {
        /** A test JVM: servers it starts are stopped when it ends. */
        TEST_RUN,
        /** {@code ./platform up} or the CLI: servers run until {@code stop}. */
        PLATFORM
    }

    /** Chooses the provider the settings ask for; AUTO picks Testcontainers only when Docker answers. */
    static StackProvider choose(LocalStackSettings settings) {
        if (settings.cassandraNodes() > 1 && settings.provider() == LocalStackSettings.ProviderChoice.DOCKER) {
            throw new LocalStackException("a Cassandra cluster (cassandra-nodes " + settings.cassandraNodes()
                    + ") runs as processes only; use local-stack.provider=process");
        }
        if (settings.cassandraNodes() > 1) {
            return new ProcessStackProvider(settings);
        }
        return switch (settings.provider()) {
            case PROCESS -> new ProcessStackProvider(settings);
            case DOCKER -> ContainerStackProvider.requireDocker(settings);
            case AUTO -> DockerProbe.dockerAvailable() ? new ContainerStackProvider(settings)
                    : new ProcessStackProvider(settings);
        };
    }
}
