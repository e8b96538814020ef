package com.storefront.display.localstack;

import java.net.InetSocketAddress;

/**
 * Where a running stack answers.
 *
 * @param cassandraHost host of the CQL native port
 * @param cassandraPort the CQL native port
 * @param localDatacenter the datacenter name the driver must be told
 * @param kafkaBootstrapServers the Kafka bootstrap list, {@code host:port[,host:port]}
 */
public record StackEndpoints(String cassandraHost, int cassandraPort, String localDatacenter,
                             String kafkaBootstrapServers) {

    public InetSocketAddress cassandraContactPoint() {
        return new InetSocketAddress(cassandraHost, cassandraPort);
    }

    /** The endpoints as Spring Boot properties, for tests and child applications. */
    public java.util.Map<String, String> asSpringProperties() {
        return java.util.Map.of(
                "spring.cassandra.contact-points", cassandraHost + ":" + cassandraPort,
                "spring.cassandra.local-datacenter", localDatacenter,
                "spring.kafka.bootstrap-servers", kafkaBootstrapServers);
    }
}
