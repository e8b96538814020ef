package com.storefront.display.bench.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.cassandra.autoconfigure.CqlSessionBuilderCustomizer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.datastax.oss.driver.api.core.tracker.RequestTracker;
import com.storefront.display.core.config.PackagedApplicationYaml;
import com.storefront.display.localstack.StackEndpoints;

/** An app of the platform started in the benchmark's JVM, its real Spring context, on the local stack. */
public final class InProcessApp {

    private InProcessApp() {
    }

    /**
     * Starts {@code app} with its own {@code application.yaml}, the stack's endpoints, the given keyspace,
     * an ephemeral port and {@code properties} over all of these.
     */
    public static ConfigurableApplicationContext start(Class<?> app, StackEndpoints stack, String keyspace,
                                                Map<String, String> properties) throws Exception {
        return start(app, stack, keyspace, properties, List.of());
    }

    /**
     * {@link #start(Class, StackEndpoints, String, Map)}, the app's Cassandra session also reporting to
     * {@code trackers}, which are beans of the context as well (a measurement finds them there).
     */
    public static ConfigurableApplicationContext start(Class<?> app, StackEndpoints stack, String keyspace,
                                                Map<String, String> properties, List<? extends RequestTracker> trackers) throws Exception {
        return start(app, stack, keyspace, properties, trackers, context -> { });
    }

    /**
     * {@link #start(Class, StackEndpoints, String, Map, List)}, {@code benchOnly} adding what exists only in
     * the benchmark's context (a route the product does not have, for instance) before it is refreshed.
     */
    public static ConfigurableApplicationContext start(Class<?> app, StackEndpoints stack, String keyspace,
                                                Map<String, String> properties, List<? extends RequestTracker> trackers,
                                                ApplicationContextInitializer<ConfigurableApplicationContext> benchOnly) throws Exception {
        Map<String, String> all = new HashMap<>(stack.asSpringProperties());
        all.put("spring.config.location", "file:" + PackagedApplicationYaml.of(app));
        all.put("spring.cassandra.keyspace-name", keyspace);
        all.put("server.port", "0");
        all.put("spring.main.banner-mode", "off");
        all.putAll(properties);
        return new SpringApplicationBuilder(app).initializers(benchOnly, context -> {
            for (int i = 0; i < trackers.size(); i++) {
                RequestTracker tracker = trackers.get(i);
                context.getBeanFactory().registerSingleton("benchRequestTracker" + i, tracker);
                context.getBeanFactory().registerSingleton("benchRequestTrackerCustomizer" + i,
                        (CqlSessionBuilderCustomizer) builder -> builder.addRequestTracker(tracker));
            }
        }).run(all.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
