package com.storefront.display.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefront.display.localstack.cassandra.CassandraServer;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.datastax.oss.driver.api.core.CqlSession;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@WithLocalStack
class LocalStackIT {

    @Test
    void cassandraAnswersCqlAsVersionFive(StackEndpoints stack) {
        try (CqlSession session = CqlSession.builder().addContactPoint(stack.cassandraContactPoint())
                .withLocalDatacenter(stack.localDatacenter()).build()) {
            String version = session.execute("SELECT release_version FROM system.local").one().getString(0);

            assertThat(version).startsWith("5.0.");
        }
    }

    @Test
    void kafkaDeliversEveryProducedRecordInOrderPerKey(StackEndpoints stack) throws Exception {
        String topic = "round-trip-" + UUID.randomUUID();
        List<String> sent = IntStream.range(0, 500).mapToObj(i -> "record-" + i).toList();

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (String value : sent) {
                producer.send(new ProducerRecord<>(topic, "shop-42", value)).get();
            }
        }

        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "round-trip",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < sent.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    received.add(record.value());
                }
            }
        }

        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void aSecondStartReusesTheRunningStackAndLeavesItRunning() {
        LocalStackSettings settings = LocalStackSettings.fromEnvironment();
        ProcessStackProvider provider = new ProcessStackProvider(settings);

        try (RunningStack again = provider.start(StackProvider.Owner.TEST_RUN)) {
            assertThat(again.reused()).isTrue();
        }

        assertThat(new CassandraServer(settings).answers(Duration.ofSeconds(10))).isTrue();
    }
}
