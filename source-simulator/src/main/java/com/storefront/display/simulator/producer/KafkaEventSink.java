package com.storefront.display.simulator.producer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.storefront.display.simulator.SimulatorStats;

/** Publishes to Kafka with the shop id as key; failed sends are counted and logged, never silent. */
public final class KafkaEventSink implements EventSink {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventSink.class);

    private final KafkaTemplate<String, byte[]> template;
    private final SimulatorStats stats;

    public KafkaEventSink(KafkaTemplate<String, byte[]> template, SimulatorStats stats) {
        this.template = template;
        this.stats = stats;
    }

    @Override
    public void send(OutgoingEvent event) {
        template.send(event.topic(), event.key(), event.value()).whenComplete((result, error) -> {
            if (error != null && stats.sendErrors.getAndIncrement() % 1000 == 0) {
                log.warn("event to {} not published ({} failed so far): {}", event.topic(), stats.sendErrors.get(),
                        error.getMessage());
            }
        });
    }

    @Override
    public void flush() {
        template.flush();
    }
}
