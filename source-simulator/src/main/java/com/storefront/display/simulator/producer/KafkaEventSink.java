package com.storefront.display.simulator.producer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.storefront.display.core.domain.Topics;
import com.storefront.display.simulator.SimulatorStats;

/**
 * Publishes to each domain's topic under the environment's prefix, with the shop id as key; failed sends
 * are counted and logged, never silent.
 */
public final class KafkaEventSink implements EventSink {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventSink.class);

    private final KafkaTemplate<String, byte[]> template;
    private final SimulatorStats stats;
    private final Topics topics;

    public KafkaEventSink(KafkaTemplate<String, byte[]> template, SimulatorStats stats, Topics topics) {
        this.template = template;
        this.stats = stats;
        this.topics = topics;
    }

    @Override
    public void send(OutgoingEvent event) {
        String topic = topics.of(event.domain());
        template.send(topic, event.key(), event.value()).whenComplete((result, error) -> {
            if (error != null && stats.sendErrors.getAndIncrement() % 1000 == 0) {
                log.warn("event to {} not published ({} failed so far): {}", topic, stats.sendErrors.get(),
                        error.getMessage());
            }
        });
    }

    @Override
    public void flush() {
        template.flush();
    }
}
