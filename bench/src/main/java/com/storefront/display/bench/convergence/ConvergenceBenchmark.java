package com.storefront.display.bench.convergence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storefront.display.bench.common.BenchOptions;
import com.storefront.display.bench.common.BenchTable;
import com.storefront.display.localstack.LocalStackSettings;
import com.storefront.display.localstack.RunningStack;
import com.storefront.display.localstack.StackProvider;
import com.storefront.display.scenario.ConvergenceReport;
import com.storefront.display.scenario.ConvergenceScenario;

/**
 * The convergence scenario of {@code ConvergenceIT}, larger: the four apps (three from their exec jars),
 * every event fault, a Cassandra and a source API outage, one reconcile, then every cell compared with
 * the truth. Not a speed figure: it prints what was injected, found and repaired, and a table whose
 * "ceiling" column is what each figure is measured against (cells wrong before reconcile, malformed
 * records sent, API fields compared); it exits 0 only when the read model and the display API equal the
 * truth.
 */
public final class ConvergenceBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ConvergenceBenchmark.class);

    private ConvergenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args);
        ConvergenceScenario.Settings defaults = ConvergenceScenario.Settings.of(
                Integer.parseInt(options.getOrDefault("shops", "10000")),
                Long.parseLong(options.getOrDefault("products", "1000000")),
                Integer.parseInt(options.getOrDefault("rate", "2000")));
        ConvergenceScenario.Settings settings = new ConvergenceScenario.Settings(defaults.shops(), defaults.products(),
                defaults.changesPerSecond(), Duration.ofSeconds(Long.parseLong(options.getOrDefault("steady-seconds", "20"))),
                defaults.cassandraOutage(), defaults.sourceOutage(), defaults.faults(), defaults.thinProductEvents(),
                Integer.parseInt(options.getOrDefault("sampled-shops", "200")), defaults.seed());
        ConvergenceReport report;
        try (RunningStack stack = StackProvider.choose(LocalStackSettings.fromEnvironment()).start(StackProvider.Owner.TEST_RUN)) {
            log.info("local stack ({}): {}", stack.providerName(), stack.endpoints());
            report = new ConvergenceScenario(settings, Path.of("."), Path.of("bench", "target", "convergence"),
                    stack.endpoints().kafkaBootstrapServers()).run();
        }
        // for bench/run-all's table: what was wrong before reconcile is the figure each result is compared with
        BenchTable table = new BenchTable();
        table.add(BenchTable.Row.atMost("cells differing after reconcile", "cells", report.cellsDifferingAfter(),
                report.cellsDifferingBefore(), 0));
        table.add(BenchTable.Row.atMost("malformed records not in failures", "records", report.malformedMissing(),
                report.stream().malformed(), 0));
        table.add(BenchTable.Row.atMost("display API fields differing", "fields", report.storeFrontDifferences(),
                report.storeFrontFields(), 0));
        System.out.println();
        System.out.print(report.render());
        System.out.println();
        System.out.print(table.render());
        System.exit(report.converged() && table.allPass() ? 0 : 1);
    }
}
