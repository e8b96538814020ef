package com.storefront.display.api;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Reactive reads of the shop tables for the store front. */
@SpringBootApplication
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
