package com.storefront.display.reconciler.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.storefront.display.reconciler.progress.PartitionProgress;

/**
 * Reads a topic again from a point in time: every partition from the first offset at or after
 * {@code since} (Kafka's time index) up to the end it had when the replay started, so a topic that keeps
 * being written still ends. It reads in its own consumer group and commits nothing to Kafka: the
 * position of each partition is kept in the step's execution context ({@code replay.<partition>.next},
 * {@code replay.<partition>.end}), so a restart resumes after the last committed chunk.
 */
public class TopicReplayReader implements ItemStreamReader<ConsumerRecord<String, byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(TopicReplayReader.class);

    static final String GROUP = "display-backfill-replay";

    private final String bootstrapServers;
    private final String topic;
    private final Instant since;
    private final Map<Integer, Long> next = new HashMap<>();
    private final Map<Integer, Long> end = new HashMap<>();
    private final Deque<ConsumerRecord<String, byte[]>> buffer = new ArrayDeque<>();
    private KafkaConsumer<String, byte[]> consumer;
    /** Records to replay in all, from the first start: the unit of progress. */
    private long total;

    public TopicReplayReader(String bootstrapServers, String topic, Instant since) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.since = since;
    }

    @Override
    public void open(ExecutionContext context) {
        consumer = new KafkaConsumer<>(properties());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (context.containsKey(key(partitions.get(0), "end"))) {
            partitions.forEach(p -> {
                next.put(p.partition(), context.getLong(key(p, "next")));
                end.put(p.partition(), context.getLong(key(p, "end")));
            });
        } else {
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp first = found.get(partition);
                end.put(partition.partition(), ends.get(partition));
                next.put(partition.partition(), first == null ? ends.get(partition) : first.offset());
            }
        }
        List<TopicPartition> unfinished = partitions.stream().filter(p -> next.get(p.partition()) < end.get(p.partition())).toList();
        consumer.assign(unfinished);
        unfinished.forEach(p -> consumer.seek(p, next.get(p.partition())));
        total = context.getLong(PartitionProgress.TOTAL, remaining());
        log.info("replaying {} since {}: {} records left of {}", topic, since, remaining(), total);
    }

    @Override
    public ConsumerRecord<String, byte[]> read() {
        while (buffer.isEmpty() && !consumer.assignment().isEmpty()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < end.get(record.partition())) {
                    buffer.add(record);
                }
            }
            List<TopicPartition> done = consumer.assignment().stream()
                    .filter(p -> consumer.position(p) >= end.get(p.partition())).toList();
            if (!done.isEmpty()) {
                List<TopicPartition> left = consumer.assignment().stream().filter(p -> !done.contains(p)).toList();
                consumer.assign(left);
            }
        }
        ConsumerRecord<String, byte[]> record = buffer.poll();
        if (record != null) {
            next.put(record.partition(), record.offset() + 1);
        }
        return record;
    }

    @Override
    public void update(ExecutionContext context) {
        next.forEach((partition, offset) -> context.putLong(key(new TopicPartition(topic, partition), "next"), offset));
        end.forEach((partition, offset) -> context.putLong(key(new TopicPartition(topic, partition), "end"), offset));
        PartitionProgress.save(context, total - remaining(), total);
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }

    private long remaining() {
        return end.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - next.get(e.getKey()))).sum();
    }

    private static String key(TopicPartition partition, String what) {
        return "replay." + partition.partition() + "." + what;
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return properties;
    }
}
