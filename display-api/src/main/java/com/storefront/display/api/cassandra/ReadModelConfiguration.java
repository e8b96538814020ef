package com.storefront.display.api.cassandra;

import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.storefront.display.api.DisplayApiProperties;
import com.storefront.display.core.cql.Reconnection;

/** The driver settings the read path needs beyond Spring Boot's {@code spring.cassandra.*}. */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    /** Reconnects to a Cassandra node that came back within seconds, so reads stop answering 503 quickly. */
    @Bean
    DriverConfigLoaderBuilderCustomizer quickReconnect(DisplayApiProperties properties) {
        return builder -> Reconnection.atMost(builder, properties.reconnectMaxDelay());
    }
}
