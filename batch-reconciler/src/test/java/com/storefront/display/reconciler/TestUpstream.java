package com.storefront.display.reconciler;

import java.util.List;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.storefront.display.core.domain.Topics;
import com.storefront.display.simulator.EmbeddedSimulator;
import com.storefront.display.testkit.cassandra.TestKeyspace;

/**
 * What the batch-reconciler integration tests share: the simulator as the sources, on the local stack's
 * Kafka under topics of these tests' own, and the stack's endpoints as arguments for a batch-reconciler
 * started outside the test context.
 */
public final class TestUpstream {

    /** The batch tests' topics: nothing they publish reaches another module's tests, a benchmark or the demo. */
    public static final Topics TOPICS = new Topics("it-batch-reconciler.");

    private TestUpstream() {
    }

    /** A simulator with a catalogue of that size, publishing to the local stack's Kafka. */
    public static EmbeddedSimulator simulator(int shops, long products, long seed) {
        return simulator(shops, products, seed, 1);
    }

    /** As {@link #simulator(int, long, long)}, its ids in that many far-apart blocks ({@code display.simulator.catalogue.id-blocks}). */
    public static EmbeddedSimulator simulator(int shops, long products, long seed, int idBlocks) {
        return EmbeddedSimulator.start(Map.of("spring.kafka.bootstrap-servers", System.getProperty("spring.kafka.bootstrap-servers"),
                "display.simulator.catalogue.shops", Integer.toString(shops),
                "display.simulator.catalogue.products", Long.toString(products),
                "display.simulator.catalogue.seed", Long.toString(seed),
                "display.simulator.catalogue.id-blocks", Integer.toString(idBlocks),
                "display.topics.prefix", TOPICS.prefix()));
    }

    /** A simulator as the test context's sources, and the keyspace the context works in. */
    public static EmbeddedSimulator forContext(DynamicPropertyRegistry registry, String keyspace, int shops, long products, long seed) {
        return forContext(registry, keyspace, simulator(shops, products, seed));
    }

    /** The simulator as the test context's sources, and the keyspace the context works in. */
    public static EmbeddedSimulator forContext(DynamicPropertyRegistry registry, String keyspace, EmbeddedSimulator embedded) {
        registry.add("display.source.base-url", embedded::baseUrl);
        registry.add("spring.cassandra.keyspace-name", () -> keyspace);
        registry.add("display.topics.prefix", TOPICS::prefix);
        return embedded;
    }

    /** Stops the simulator (when it started) and drops the test's keyspace. */
    public static void stop(EmbeddedSimulator embedded, String keyspace) {
        if (embedded != null) {
            embedded.close();
        }
        TestKeyspace.drop(keyspace);
    }

    /** The local stack's endpoints as command-line arguments of a batch-reconciler process. */
    public static List<String> stackArguments() {
        List<String> arguments = new java.util.ArrayList<>(List.of("spring.cassandra.contact-points",
                        "spring.cassandra.local-datacenter", "spring.kafka.bootstrap-servers")
                .stream().map(property -> "--" + property + "=" + System.getProperty(property)).toList());
        arguments.add("--display.topics.prefix=" + TOPICS.prefix());
        return arguments;
    }
}
