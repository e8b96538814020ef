package com.storefront.display.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Projects the domain topics into the Cassandra read model in real time. */
@SpringBootApplication
public class StreamIngestApplication {

    public static void main(String[] args) {
        SpringApplication.run(StreamIngestApplication.class, args);
    }
}
