package com.storefront.display.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The upstream domains for local runs, tests and benchmarks (source APIs, event producer, fault injection). */
@SpringBootApplication
public class SourceSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(SourceSimulatorApplication.class, args);
    }
}
