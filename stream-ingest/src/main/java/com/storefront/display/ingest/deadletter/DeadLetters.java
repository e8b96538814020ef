package com.storefront.display.ingest.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.failure.FailureStore;

/**
 * Where records go that ingest cannot apply: poison records to {@code <topic>-dlt} (with the reason
 * and Spring Kafka's original topic/partition/offset headers) and to the failure store; retryable
 * failures to the failure store only, for automatic re-drive. Both wait for the acknowledgement, so
 * the offset is never committed before the record is safe elsewhere.
 */
public final class DeadLetters {

    /** Header with the reason a record was dead-lettered, UTF-8. */
    public static final String REASON_HEADER = "display-dlt-reason";

    private final DeadLetterPublishingRecoverer publisher;
    private final FailureStore failures;

    public DeadLetters(KafkaOperations<?, ?> template, FailureStore failures) {
        this.publisher = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
        this.publisher.setHeadersFunction((record, exception) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON_HEADER, exception.getMessage().getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        this.failures = failures;
    }

    /**
     * A record no retry can fix, to the failure store (NEW, not retryable). Recording it again, when its
     * batch is retried, leaves one row. Call {@link #publish} once every record of the batch is stored.
     */
    public UUID store(ConsumerRecord<String, byte[]> record, String reason) {
        return failures.record(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(),
                record.value(), reason, PoisonRecord.class.getSimpleName(), false);
    }

    /** A stored poison record to its dead-letter topic, with the reason and the original position in headers. */
    public void publish(ConsumerRecord<String, byte[]> record, String reason) {
        publisher.accept(record, new PoisonRecord(reason));
    }

    /** A record that may apply later (its source was unavailable): to the failure store, retryable. */
    public UUID retryLater(ConsumerRecord<String, byte[]> record, Throwable cause) {
        return failures.record(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(),
                record.value(), cause.getMessage(), cause.getClass().getSimpleName(), true);
    }

    /** The exception the dead-letter headers describe. */
    static final class PoisonRecord extends RuntimeException {
        PoisonRecord(String reason) {
            super(reason, null, false, false);
        }
    }
}
