package com.storefront.display.ingest.batch;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The one listener for every domain topic: a batch per poll, handed to {@link ProjectingBatch}. The
 * topics come from {@code Domain}; adding a domain does not touch this class. The consumer group is
 * {@code spring.kafka.consumer.group-id}, not the listener id.
 */
public final class DomainEventListener {

    private final ProjectingBatch projecting;

    public DomainEventListener(ProjectingBatch projecting) {
        this.projecting = projecting;
    }

    @KafkaListener(id = "display-ingest", idIsGroup = false, topics = "#{T(com.storefront.display.ingest.IngestConfiguration).topics()}",
            batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        projecting.apply(records);
    }
}
