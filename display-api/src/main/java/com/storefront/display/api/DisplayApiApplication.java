package com.storefront.display.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Reactive reads of the shop tables for the store front. */
@SpringBootApplication
public class DisplayApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(DisplayApiApplication.class, args);
    }
}
