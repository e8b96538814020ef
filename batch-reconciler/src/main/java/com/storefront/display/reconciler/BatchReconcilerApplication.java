package com.storefront.display.reconciler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Bulk load, nightly reconciliation and backfills as Spring Batch jobs scheduled by Quartz; the ops API. */
@SpringBootApplication
public class BatchReconcilerApplication {

    public static void main(String[] args) {
        SpringApplication.run(BatchReconcilerApplication.class, args);
    }
}
