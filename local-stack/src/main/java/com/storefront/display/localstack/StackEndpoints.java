package com.storefront.display.localstack;

import java.net.InetSocketAddress;

/**
 * Where a running stack answers.
 *
 * @param cassandraHost host of the CQL native port
 * @param cassandraPort the CQL native port
 * @param localDatacenter the datacenter name the driver must be told
 * @param kafkaBootstrapServers the Kafka bootstrap list, {@code host:port[,host:port]}
 * @param cassandraContactPoints every Cassandra node's {@code host:port}, comma-separated: the first is
 *                               {@code cassandraHost:cassandraPort}
 */
public record StackEndpoints(String cassandraHost, int cassandraPort, String localDatacenter,
                             String kafkaBootstrapServers, String cassandraContactPoints) {

    /** A single Cassandra node. */
    public StackEndpoints(String cassandraHost, int cassandraPort, String localDatacenter, String kafkaBootstrapServers) {
        this(cassandraHost, cassandraPort, localDatacenter, kafkaBootstrapServers, cassandraHost + ":" + cassandraPort);
    }

    public InetSocketAddress cassandraContactPoint() {
        return new InetSocketAddress(cassandraHost, cassandraPort);
    }

    /** The endpoints as Spring Boot properties, for tests and child applications. */
    public java.util.Map<String, String> asSpringProperties() {
        return java.util.Map.of(
                "spring.cassandra.contact-points", cassandraContactPoints,
                "spring.cassandra.local-datacenter", localDatacenter,
                "spring.kafka.bootstrap-servers", kafkaBootstrapServers);
    }
}
