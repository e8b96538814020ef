package com.storefront.display.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

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
     * Starts it with the given properties over the defaults, e.g. {@code display.simulator.catalogue.shops}.
     */
    public static EmbeddedSimulator start(Map<String, String> properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--display.simulator.stream-on-start=false",
                "--spring.main.banner-mode=off"));
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
