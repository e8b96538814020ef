package com.storefront.display.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.storefront.display.core.domain.Topics;
import com.storefront.display.localstack.kafka.KafkaPositions;
import com.storefront.display.simulator.EmbeddedSimulator;
import com.storefront.display.simulator.Simulator;

/**
 * What a stream-ingest integration test stands on: the simulator as the upstream domains, publishing to
 * the local stack's Kafka under topics of the test's own, and a consumer group of its own that starts at
 * the end of those topics, so that nothing another test, a benchmark or the demo published reaches it.
 * Made in the test's {@code @DynamicPropertySource}, closed in its {@code @AfterAll}.
 */
final class TestUpstream implements AutoCloseable {

    private final EmbeddedSimulator embedded;
    private final KafkaPositions kafka;
    private final Topics topics;
    private final String group;

    private TestUpstream(EmbeddedSimulator embedded, KafkaPositions kafka, Topics topics, String group) {
        this.embedded = embedded;
        this.kafka = kafka;
        this.topics = topics;
        this.group = group;
    }

    /**
     * A simulator with a catalogue of that size and seed publishing under {@code topics}, its topics
     * there, and {@code group} positioned at their end.
     */
    static TestUpstream start(Topics topics, String group, int shops, long products, String seed) throws Exception {
        String bootstrap = System.getProperty("spring.kafka.bootstrap-servers");
        EmbeddedSimulator embedded = EmbeddedSimulator.start(Map.of("spring.kafka.bootstrap-servers", bootstrap,
                "display.simulator.catalogue.shops", Integer.toString(shops),
                "display.simulator.catalogue.products", Long.toString(products),
                "display.simulator.catalogue.seed", seed, "display.topics.prefix", topics.prefix()));
        KafkaPositions kafka = new KafkaPositions(bootstrap);
        TestUpstream upstream = new TestUpstream(embedded, kafka, topics, group);
        try {
            kafka.awaitTopics(topics.all(), Duration.ofSeconds(30));
            kafka.startGroupAtEnd(group, topics.all());
            return upstream;
        } catch (Exception e) {
            upstream.close();
            throw e;
        }
    }

    /** The app's sources, topics and consumer group: this upstream's. */
    TestUpstream register(DynamicPropertyRegistry registry) {
        registry.add("display.source.base-url", embedded::baseUrl);
        registry.add("display.topics.prefix", topics::prefix);
        registry.add("spring.kafka.consumer.group-id", () -> group);
        return this;
    }

    Simulator simulator() {
        return embedded.simulator();
    }

    KafkaPositions kafka() {
        return kafka;
    }

    List<String> topics() {
        return topics.all();
    }

    String group() {
        return group;
    }

    /** The records of this upstream's topics that its consumer group has not yet committed. */
    long lag() throws Exception {
        return kafka.lag(group, topics.all());
    }

    @Override
    public void close() {
        embedded.close();
        kafka.close();
    }
}
