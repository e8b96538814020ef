package com.storefront.display.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.core.event.PoisonRecordException;
import com.storefront.display.localstack.StackEndpoints;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.simulator.fault.EventFaults;
import com.storefront.display.simulator.fault.Faults;

/**
 * The simulator run in-process as other modules' tests run it, publishing to the real Kafka, on topics of
 * this test's own (an environment prefix).
 */
@WithLocalStack
class EventPublishingIT {

    static final Topics TOPICS = new Topics("it-simulator.");

    @Test
    void everyPublishedEventReachesKafkaKeyedByShopAndEveryFaultIsCounted(StackEndpoints stack) throws Exception {
        try (EmbeddedSimulator embedded = EmbeddedSimulator.start(Map.of(
                "display.simulator.catalogue.shops", "300", "display.simulator.catalogue.products", "30000",
                "display.simulator.producer.rate-per-second", "0", "display.topics.prefix", TOPICS.prefix()));
             KafkaConsumer<String, byte[]> consumer = consumer(stack)) {
            Simulator simulator = embedded.simulator();
            simulator.faults().set(new Faults(new EventFaults(2, 2, 8, 1, 50, 1, 1), null));
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            simulator.producer().produce(20_000);

            SimulatorStats.Snapshot stats = simulator.stats().snapshot();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = readUntil(consumer, end);
            Counted counted = count(records);
            assertThat(stats.sendErrors()).isZero();
            assertThat(records).hasSize((int) stats.sent());
            // changes to a domain without a topic (opening-hours) reach the source API only
            assertThat(stats.sent()).isEqualTo(20_000 - stats.sourceOnly() - stats.dropped() + stats.duplicated());
            assertThat(stats.sourceOnly()).isPositive();
            assertThat(counted.malformed).isEqualTo(stats.malformed()).isPositive();
            assertThat(counted.unknownType).isEqualTo(stats.unknownType()).isPositive();
            assertThat(counted.repeats).isEqualTo(stats.duplicated()).isPositive();
            assertThat(counted.wrongKey).isZero();
            assertThat(counted.wrongTopic).isZero();
            assertThat(stats.reordered()).isPositive();
            assertThat(stats.delayed()).isPositive();
        }
    }

    private record Counted(long malformed, long unknownType, long repeats, long wrongKey, long wrongTopic) {
    }

    /** Classifies each distinct record value once: a duplicate repeats the very same bytes, poison included. */
    private static Counted count(List<ConsumerRecord<String, byte[]>> records) {
        long malformed = 0, unknown = 0, wrongKey = 0, wrongTopic = 0;
        Set<ByteBuffer> values = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (!values.add(ByteBuffer.wrap(record.value()))) {
                continue;
            }
            try {
                DomainEvent event = EventCodec.decode(record.value());
                wrongKey += record.key().equals(Long.toString(event.shopId())) ? 0 : 1;
                wrongTopic += record.topic().equals(TOPICS.of(event.type().domain())) ? 0 : 1;
            } catch (PoisonRecordException e) {
                malformed += e.getMessage().startsWith("not valid JSON") ? 1 : 0;
                unknown += e.getMessage().startsWith("unknown event type") ? 1 : 0;
            }
        }
        return new Counted(malformed, unknown, records.size() - values.size(), wrongKey, wrongTopic);
    }

    private static List<ConsumerRecord<String, byte[]>> readUntil(KafkaConsumer<String, byte[]> consumer,
                                                                 Map<TopicPartition, Long> end) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (Domain domain : Domain.evented()) {
            consumer.partitionsFor(TOPICS.of(domain)).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        return partitions;
    }

    private static KafkaConsumer<String, byte[]> consumer(StackEndpoints stack) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
