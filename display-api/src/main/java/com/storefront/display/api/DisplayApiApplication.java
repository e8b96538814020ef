package com.storefront.display.api;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.storefront.display.core.config.ProjectionAutoConfiguration;

/**
 * Reactive reads of the shop tables for the store front. It writes nothing and calls no source, so it
 * leaves out what the projecting apps share (writer, failure store, source APIs).
 */
@SpringBootApplication(exclude = ProjectionAutoConfiguration.class)
@EnableConfigurationProperties(DisplayApiProperties.class)
public class DisplayApiApplication {

    /** What "valid now" means for coupons. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(DisplayApiApplication.class, args);
    }
}
