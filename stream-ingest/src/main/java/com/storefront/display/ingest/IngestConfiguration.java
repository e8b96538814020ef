package com.storefront.display.ingest;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.ExponentialBackOff;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.failure.FailureStore;
import com.storefront.display.core.source.SourceApi;
import com.storefront.display.core.source.SourceProperties;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.ingest.batch.DomainListeners;
import com.storefront.display.ingest.batch.IngestMetrics;
import com.storefront.display.ingest.batch.ProjectingBatch;
import com.storefront.display.ingest.deadletter.DeadLetters;
import com.storefront.display.ingest.redrive.FailureRedriver;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
@EnableScheduling
public class IngestConfiguration {

    /**
     * Commits a poll's offsets asynchronously, still only after all its writes are acknowledged: the
     * next poll does not wait for the broker. A lost commit means records are applied again after a
     * rebalance, which changes nothing (timestamped writes, failure ids derived from the record).
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> asyncCommits() {
        return container -> container.getContainerProperties().setSyncCommits(false);
    }

    @Bean
    DeadLetters deadLetters(KafkaTemplate<?, ?> template, FailureStore failures) {
        return new DeadLetters(template, failures);
    }

    @Bean
    IngestMetrics ingestMetrics(MeterRegistry meters) {
        return new IngestMetrics(meters);
    }

    @Bean
    ProjectingBatch projectingBatch(Topics topics, DisplayWriter writer, SourceApi source, SourceProperties sourceSettings,
                                    DeadLetters deadLetters, IngestMetrics metrics, IngestProperties properties) {
        return new ProjectingBatch(topics, writer, source, deadLetters, metrics, properties.writeConcurrency(),
                sourceSettings.concurrency());
    }

    @Bean
    DomainListeners domainListeners(ProjectingBatch projecting, Topics topics, IngestProperties properties) {
        return new DomainListeners(projecting, topics, properties.listeners());
    }

    /** Claims are made in this instance's name: the application name, the process and a random part. */
    @Bean
    FailureRedriver failureRedriver(Topics topics, FailureStore failures, SourceApi source, DisplayWriter writer,
                                    IngestProperties properties, Environment environment) {
        String owner = environment.getProperty("spring.application.name", "stream-ingest") + "@"
                + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return new FailureRedriver(topics, failures, source, writer, owner, properties.redriveLease());
    }

    /**
     * A batch that failed (Cassandra unavailable, dead-letter topic unreachable) is retried with
     * back-off until it succeeds; the consumer stays paused meanwhile, so nothing is skipped and no
     * offset is committed for records that were not written. Poison never reaches here: it is
     * dead-lettered inside the batch.
     */
    @Bean
    CommonErrorHandler retryUntilWritten(IngestProperties properties, IngestMetrics metrics) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retry().initialInterval().toMillis(),
                properties.retry().multiplier());
        backOff.setMaxInterval(properties.retry().maxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        // Spring Kafka classifies some exceptions (ClassCastException, conversion errors...) as not
        // retryable and would discard the poll after one attempt. Unreadable records never reach here
        // (they are dead-lettered inside the poll), so any exception is an environment or programming
        // error: retry, never discard.
        handler.setClassifications(Map.of(), true);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception error, int attempt) {
                metrics.attemptFailed(1, attempt, error);
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception error, int attempt) {
                metrics.attemptFailed(records.count(), attempt, error);
            }
        });
        return handler;
    }

    /** The dead-letter topics, partitioned like the domain topics so a record keeps its partition. */
    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(IngestProperties properties, Topics topics) {
        return new KafkaAdmin.NewTopics(Domain.evented().stream()
                .map(domain -> TopicBuilder.name(topics.deadLetterOf(domain)).partitions(properties.deadLetterPartitions()).build())
                .toArray(NewTopic[]::new));
    }
}
