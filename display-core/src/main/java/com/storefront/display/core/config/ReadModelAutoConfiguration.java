package com.storefront.display.core.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.cassandra.autoconfigure.CassandraProperties;
import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.storefront.display.core.cql.CqlConsistency;
import com.storefront.display.core.cql.DisplayCassandraProperties;
import com.storefront.display.core.cql.Reconnection;
import com.storefront.display.core.cql.SessionDefaults;

/**
 * What every app's Cassandra driver gets: reconnection to a node that came back within seconds, the
 * configured read and write consistency, and {@link SessionDefaults}.
 */
@AutoConfiguration
@ConditionalOnClass(DriverConfigLoaderBuilderCustomizer.class)
@EnableConfigurationProperties(DisplayCassandraProperties.class)
public class ReadModelAutoConfiguration {

    @Bean
    DriverConfigLoaderBuilderCustomizer quickReconnect(DisplayCassandraProperties properties) {
        return builder -> Reconnection.atMost(builder, properties.reconnectMaxDelay());
    }

    /** Schema metadata of the app's own keyspace only, and a shutdown that does not wait for quiet event loops. */
    @Bean
    DriverConfigLoaderBuilderCustomizer sessionDefaults(ObjectProvider<CassandraProperties> cassandra) {
        return builder -> {
            SessionDefaults.closeAtOnce(builder);
            CassandraProperties properties = cassandra.getIfAvailable();
            if (properties != null && properties.getKeyspaceName() != null) {
                SessionDefaults.schemaOf(builder, properties.getKeyspaceName());
            }
        };
    }

    @Bean
    DriverConfigLoaderBuilderCustomizer readAndWriteConsistency(DisplayCassandraProperties properties) {
        return builder -> CqlConsistency.configure(builder, properties.consistency());
    }
}
