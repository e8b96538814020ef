package com.storefront.display.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.storefront.display.core.config.PackagedApplicationYaml;

/**
 * The simulator app run in-process, for tests of other modules: source APIs over HTTP on a free port,
 * events to the Kafka of {@code spring.kafka.bootstrap-servers}. The stream does not start by itself;
 * drive it through {@link #simulator()}.
 */
public final class EmbeddedSimulator implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private EmbeddedSimulator(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Auto-configurations the simulator never uses but that the class path of the host (another app's
     * tests, the benchmarks) may bring: its stores, its scheduler, its security.
     */
    static final List<String> FOREIGN_AUTO_CONFIGURATION = List.of(
            "org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration",
            "org.springframework.boot.cassandra.autoconfigure.health.CassandraHealthContributorAutoConfiguration",
            "org.springframework.boot.cassandra.autoconfigure.health.CassandraReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.data.cassandra.autoconfigure.DataCassandraAutoConfiguration",
            "org.springframework.boot.data.cassandra.autoconfigure.DataCassandraReactiveAutoConfiguration",
            "org.springframework.boot.data.cassandra.autoconfigure.DataCassandraRepositoriesAutoConfiguration",
            "org.springframework.boot.data.cassandra.autoconfigure.DataCassandraReactiveRepositoriesAutoConfiguration",
            "com.storefront.display.migrations.cql.CqlMigrationsAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
            "org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration",
            "org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration",
            "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration",
            "org.springframework.boot.quartz.autoconfigure.QuartzEndpointAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration");

    /**
     * Starts it with the given properties over the defaults, e.g. {@code display.simulator.catalogue.shops}.
     * It reads its own {@code application.yaml}, not the first one on the host's class path, and leaves
     * out the host's auto-configurations ({@link #FOREIGN_AUTO_CONFIGURATION}).
     */
    public static EmbeddedSimulator start(Map<String, String> properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--display.simulator.stream-on-start=false",
                "--spring.main.banner-mode=off", "--spring.config.location=file:" + PackagedApplicationYaml.of(SourceSimulatorApplication.class),
                "--spring.autoconfigure.exclude=" + String.join(",", FOREIGN_AUTO_CONFIGURATION)));
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new EmbeddedSimulator(new SpringApplicationBuilder(SourceSimulatorApplication.class)
                .run(args.toArray(String[]::new)));
    }

    /** The base URL of the source and control APIs, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    public Simulator simulator() {
        return context.getBean(Simulator.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
