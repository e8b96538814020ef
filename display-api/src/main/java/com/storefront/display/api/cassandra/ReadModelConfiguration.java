package com.storefront.display.api.cassandra;

import java.time.Duration;

import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.storefront.display.api.DisplayApiProperties;

/** The driver settings the read path needs beyond Spring Boot's {@code spring.cassandra.*}. */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    /** Reconnects to a Cassandra node that came back within seconds, so reads stop answering 503 quickly. */
    @Bean
    DriverConfigLoaderBuilderCustomizer quickReconnect(DisplayApiProperties properties) {
        Duration max = properties.reconnectMaxDelay();
        return builder -> builder
                .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(Math.min(1_000, max.toMillis())))
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, max);
    }
}
