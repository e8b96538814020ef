package com.storefront.display.bench.common;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storefront.display.localstack.LocalStackSettings;
import com.storefront.display.localstack.RunningStack;
import com.storefront.display.localstack.StackEndpoints;
import com.storefront.display.localstack.StackProvider;

/**
 * What every benchmark's {@code main} does around its measurements: the local stack started (or the
 * running one used), the measurements run into one table, the table printed under a headline, and the
 * exit code 0 only when every figure passes.
 */
public final class BenchMain {

    private static final Logger log = LoggerFactory.getLogger(BenchMain.class);

    /** A benchmark's measurements on the stack, each adding its rows to the table. */
    public interface Measurements {
        void run(BenchTable table, StackEndpoints stack) throws Exception;
    }

    private BenchMain() {
    }

    /** @param headline what was measured and with which settings, printed above the table */
    public static void run(Measurements measurements, Supplier<String> headline) throws Exception {
        BenchTable table = new BenchTable();
        try (RunningStack stack = StackProvider.choose(LocalStackSettings.fromEnvironment()).start(StackProvider.Owner.TEST_RUN)) {
            log.info("local stack ({}): {}", stack.providerName(), stack.endpoints());
            measurements.run(table, stack.endpoints());
        }
        System.out.println();
        System.out.println(headline.get() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.print(table.render());
        System.exit(table.allPass() ? 0 : 1);
    }
}
