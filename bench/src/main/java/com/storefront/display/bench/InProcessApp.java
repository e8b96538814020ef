package com.storefront.display.bench;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.storefront.display.core.config.PackagedApplicationYaml;
import com.storefront.display.localstack.StackEndpoints;

/** An app of the platform started in the benchmark's JVM, its real Spring context, on the local stack. */
final class InProcessApp {

    private InProcessApp() {
    }

    /**
     * Starts {@code app} with its own {@code application.yaml}, the stack's endpoints, the given keyspace,
     * an ephemeral port and {@code properties} over all of these.
     */
    static ConfigurableApplicationContext start(Class<?> app, StackEndpoints stack, String keyspace,
                                                Map<String, String> properties) throws Exception {
        Map<String, String> all = new HashMap<>(stack.asSpringProperties());
        all.put("spring.config.location", "file:" + PackagedApplicationYaml.of(app));
        all.put("spring.cassandra.keyspace-name", keyspace);
        all.put("server.port", "0");
        all.put("spring.main.banner-mode", "off");
        all.putAll(properties);
        return new SpringApplicationBuilder(app).run(all.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
