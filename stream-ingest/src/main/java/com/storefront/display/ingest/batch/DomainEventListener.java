package com.storefront.display.ingest.batch;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import com.storefront.display.core.domain.Topics;

/**
 * The one listener for every domain topic: a batch per poll, handed to {@link ProjectingBatch}. The
 * topics come from {@link Topics} (every {@code Domain}, under the environment's prefix); adding a domain
 * does not touch this class. The consumer group is {@code spring.kafka.consumer.group-id}, not the listener id.
 */
public final class DomainEventListener {

    private final ProjectingBatch projecting;
    private final String[] topics;

    public DomainEventListener(ProjectingBatch projecting, Topics topics) {
        this.projecting = projecting;
        this.topics = topics.all().toArray(String[]::new);
    }

    /** The topics this listener consumes. */
    public String[] topics() {
        return topics.clone();
    }

    @KafkaListener(id = "display-ingest", idIsGroup = false, topics = "#{__listener.topics()}", batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        projecting.apply(records);
    }
}
