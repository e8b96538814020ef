package com.storefront.display.core.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.storefront.display.core.cql.CqlConsistency;
import com.storefront.display.core.cql.DisplayCassandraProperties;
import com.storefront.display.core.cql.Reconnection;

/**
 * What every app's Cassandra driver gets: reconnection to a node that came back within seconds, and
 * the configured read and write consistency.
 */
@AutoConfiguration
@ConditionalOnClass(DriverConfigLoaderBuilderCustomizer.class)
@EnableConfigurationProperties(DisplayCassandraProperties.class)
public class ReadModelAutoConfiguration {

    @Bean
    DriverConfigLoaderBuilderCustomizer quickReconnect(DisplayCassandraProperties properties) {
        return builder -> Reconnection.atMost(builder, properties.reconnectMaxDelay());
    }

    @Bean
    DriverConfigLoaderBuilderCustomizer readAndWriteConsistency(DisplayCassandraProperties properties) {
        return builder -> CqlConsistency.configure(builder, properties.consistency());
    }
}
