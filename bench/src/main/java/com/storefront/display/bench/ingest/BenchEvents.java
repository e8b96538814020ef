package com.storefront.display.bench.ingest;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import com.storefront.display.bench.common.RecordingSink;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.simulator.Simulator;
import com.storefront.display.simulator.SimulatorProperties;
import com.storefront.display.simulator.SimulatorStats;
import com.storefront.display.simulator.producer.DomainMix;
import com.storefront.display.simulator.producer.OutgoingEvent;
import com.storefront.display.simulator.producer.ProducerSettings;

/** The events an ingest measurement publishes, made by the simulator in memory before anything is timed. */
final class BenchEvents {

    private BenchEvents() {
    }

    /** The records a simulator with these properties publishes for {@code count} changes (no thin events). */
    static List<OutgoingEvent> of(SimulatorProperties properties, DomainMix mix, int count) {
        RecordingSink sink = new RecordingSink(count);
        Simulator simulator = new Simulator(properties, sink, new SimulatorStats());
        simulator.producer().update(new ProducerSettings(0, mix, 0, 0.5, 2));
        simulator.producer().produce(count);
        return sink.records();
    }

    /** Publishes the records on their domain's topic of {@code topics} and waits until all are sent. */
    static void publish(KafkaProducer<String, byte[]> producer, Topics topics, List<OutgoingEvent> records) {
        records.forEach(r -> producer.send(new ProducerRecord<>(topics.of(r.domain()), r.key(), r.value())));
        producer.flush();
    }

    /** The records between two sets of offsets. */
    static long between(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        return to.entrySet().stream().mapToLong(e -> e.getValue() - from.getOrDefault(e.getKey(), 0L)).sum();
    }
}
