package com.storefront.display.reconciler.reconcile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.core.event.EventType;
import com.storefront.display.core.event.PoisonRecordException;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.projection.ThinEvents;
import com.storefront.display.core.source.SourceApi;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.reconciler.TestUpstream;

/**
 * The stream path in miniature, for batch tests (batch-reconciler may not depend on stream-ingest): a
 * consumer of the real domain topics, from their end when it starts, that applies each event through
 * its projection with the shared writer, a thin event through the source's current state as ingest
 * applies it ({@link ThinEvents}). Poison records are skipped.
 */
final class ProjectedStream implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final DisplayWriter writer;
    private final SourceApi source;
    private final String bootstrapServers;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final AtomicLong applied = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Map<TopicPartition, Long> positions = Map.of();
    private volatile RuntimeException failure;

    ProjectedStream(String bootstrapServers, DisplayWriter writer, SourceApi source) {
        this.writer = writer;
        this.source = source;
        this.bootstrapServers = bootstrapServers;
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        this.consumer = new KafkaConsumer<>(properties);
        for (String topic : TestUpstream.TOPICS.all()) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::run, "projected-stream");
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                List<DisplayWrite> writes = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    try {
                        DomainEvent event = EventCodec.decode(record.value());
                        writes.add(event.type().kind() == EventType.Kind.THIN ? ThinEvents.refresh(event, source).join()
                                : Projections.of(event.type().domain()).apply(event));
                    } catch (PoisonRecordException poison) {
                        // the stream's dead-letter path is not what these tests are about
                    }
                }
                writer.writeAllAndWait(writes, 256);
                applied.addAndGet(writes.size());
                Map<TopicPartition, Long> now = new java.util.HashMap<>();
                partitions.forEach(p -> now.put(p, consumer.position(p)));
                positions = now;
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    /** Waits until every record published so far is applied. */
    void awaitCaughtUp(Duration timeout) throws InterruptedException {
        Map<TopicPartition, Long> ends;
        try (KafkaConsumer<String, byte[]> probe = probe()) {
            ends = probe.endOffsets(partitions);
        }
        Awaitility.await("the stream caught up with " + ends).atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (failure != null) {
                throw failure;
            }
            return caughtUp(ends);
        });
    }

    long applied() {
        return applied.get();
    }

    private boolean caughtUp(Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> at = positions;
        return ends.entrySet().stream().allMatch(end -> at.getOrDefault(end.getKey(), -1L) >= end.getValue());
    }

    private KafkaConsumer<String, byte[]> probe() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
