package com.storefront.display.localstack;

import java.net.InetSocketAddress;

import org.testcontainers.cassandra.CassandraContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Runs Cassandra and Kafka with Testcontainers, for machines with a Docker engine. Same contract as
 * {@link ProcessStackProvider}; the ports are the containers' mapped ports, not the defaults.
 */
public final class ContainerStackProvider implements StackProvider {

    /** Images matching the versions the process provider runs. */
    static final String CASSANDRA_IMAGE = "cassandra:5.0";
    static final String KAFKA_IMAGE = "apache/kafka:4.2.0";

    private final LocalStackSettings settings;

    ContainerStackProvider(LocalStackSettings settings) {
        this.settings = settings;
    }

    static ContainerStackProvider requireDocker(LocalStackSettings settings) {
        if (!DockerProbe.dockerAvailable()) {
            throw new LocalStackException("local-stack.provider=docker, but no Docker engine answers. "
                    + "Use -Dlocal-stack.provider=process (the default on machines without Docker).");
        }
        return new ContainerStackProvider(settings);
    }

    @Override
    public String name() {
        return "testcontainers";
    }

    @Override
    public RunningStack start(Owner owner) {
        CassandraContainer cassandra = new CassandraContainer(DockerImageName.parse(CASSANDRA_IMAGE));
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                .withEnv("KAFKA_NUM_PARTITIONS", "12");
        try {
            cassandra.start();
            kafka.start();
        } catch (RuntimeException e) {
            kafka.stop();
            cassandra.stop();
            throw new LocalStackException("Testcontainers could not start the stack: " + e.getMessage(), e);
        }
        InetSocketAddress contact = cassandra.getContactPoint();
        StackEndpoints endpoints = new StackEndpoints(contact.getHostString(), contact.getPort(),
                cassandra.getLocalDatacenter(), kafka.getBootstrapServers());
        return new RunningStack() {
            @Override
            public StackEndpoints endpoints() {
                return endpoints;
            }

            @Override
            public String providerName() {
                return name();
            }

            @Override
            public boolean reused() {
                return false;
            }

            @Override
            public void close() {
                kafka.stop();
                cassandra.stop();
            }
        };
    }

    LocalStackSettings settings() {
        return settings;
    }
}
