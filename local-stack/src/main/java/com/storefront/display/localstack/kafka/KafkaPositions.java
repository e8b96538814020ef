package com.storefront.display.localstack.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import com.storefront.display.localstack.LocalStackException;

/**
 * Consumer-group positions for tests and scenarios on a shared Kafka: start a fresh group at the current
 * end of the topics (so it sees exactly what the run publishes), and wait until it has consumed everything.
 */
public final class KafkaPositions implements AutoCloseable {

    private final Admin admin;

    public KafkaPositions(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** Commits the group's offsets at the end of every partition of the topics. */
    public void startGroupAtEnd(String group, List<String> topics) throws Exception {
        startGroupAt(group, endOffsets(topics));
    }

    /** Commits the group's offsets at these positions (the group must have no active member). */
    public void startGroupAt(String group, Map<TopicPartition, Long> positions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = positions.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
        admin.alterConsumerGroupOffsets(group, offsets).all().get();
    }

    public Map<TopicPartition, Long> endOffsets(List<String> topics) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : admin.listOffsets(latest).all().get().entrySet()) {
            ends.put(e.getKey(), e.getValue().offset());
        }
        return ends;
    }

    /**
     * Creates those of the topics that do not exist yet, with {@code partitions} partitions each (for a run
     * that publishes on topics of its own prefix before any application has created them).
     */
    public void createMissing(List<String> topics, int partitions) throws Exception {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic))
                .map(topic -> new NewTopic(topic, Optional.of(partitions), Optional.empty())).toList();
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get();
        }
    }

    /** Waits until the topics exist (an application creates them as it starts). */
    public void awaitTopics(List<String> topics, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                endOffsets(topics);
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    /** The group's committed offset per partition. */
    public Map<TopicPartition, Long> committed(String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Records published to the topics that the group has not committed yet. */
    /**
     * Which member of the group holds which partitions, by the member's client id (each consumer thread
     * is one member: Spring Kafka names them {@code <client-id>-<n>}), sorted.
     */
    public Map<String, List<TopicPartition>> assignment(String group) throws Exception {
        Map<String, List<TopicPartition>> byClient = new java.util.TreeMap<>();
        admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get().members().forEach(member ->
                byClient.computeIfAbsent(member.clientId(), any -> new java.util.ArrayList<>())
                        .addAll(member.assignment().topicPartitions()));
        byClient.values().forEach(partitions -> partitions.sort(java.util.Comparator.comparing(TopicPartition::topic)
                .thenComparingInt(TopicPartition::partition)));
        return byClient;
    }

    public long lag(String group, List<String> topics) throws Exception {
        Map<TopicPartition, Long> committed = committed(group);
        return endOffsets(topics).entrySet().stream()
                .mapToLong(e -> e.getValue() - committed.getOrDefault(e.getKey(), 0L)).sum();
    }

    /** The group's lag on each of the topics that has any, by topic name. */
    public Map<String, Long> lagByTopic(String group, List<String> topics) throws Exception {
        Map<TopicPartition, Long> committed = committed(group);
        Map<String, Long> byTopic = new TreeMap<>();
        endOffsets(topics).forEach((partition, end) -> {
            long behind = end - committed.getOrDefault(partition, 0L);
            if (behind > 0) {
                byTopic.merge(partition.topic(), behind, Long::sum);
            }
        });
        return byTopic;
    }

    /** Waits until the group's committed offsets reach the end of every partition of the topics. */
    public void awaitConsumed(String group, List<String> topics, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lag;
        do {
            lag = lag(group, topics);
            if (lag == 0) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new LocalStackException("group " + group + " still lags " + lag + " records after " + timeout + " (by topic: "
                + lagByTopic(group, topics) + ")");
    }

    @Override
    public void close() {
        admin.close();
    }
}
