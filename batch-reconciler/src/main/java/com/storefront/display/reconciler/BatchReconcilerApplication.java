package com.storefront.display.reconciler;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.storefront.display.reconciler.launch.JobCommandLine;

/** Bulk load, nightly reconciliation and backfills as Spring Batch jobs scheduled by Quartz; the ops API. */
@SpringBootApplication
public class BatchReconcilerApplication {

    /** Serves the ops API and the schedule; with {@code --run=<job> name=value...}, runs that job and exits. */
    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(BatchReconcilerApplication.class, args);
        if (Arrays.stream(args).anyMatch(arg -> arg.startsWith("--" + JobCommandLine.OPTION + "="))) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
