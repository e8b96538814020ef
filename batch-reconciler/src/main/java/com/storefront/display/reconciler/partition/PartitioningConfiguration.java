package com.storefront.display.reconciler.partition;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.kafka.dsl.Kafka;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.support.KafkaHeaders;

import com.storefront.display.core.domain.Topics;
import com.storefront.display.reconciler.ReconcilerProperties;

/**
 * Which {@link Partitions} the jobs get: local threads by default; with
 * {@code display.reconciler.remote.enabled}, Spring Batch Integration's remote partitioning over Kafka,
 * every instance a worker, the managers polling the shared job repository.
 */
@Configuration(proxyBeanMethods = false)
public class PartitioningConfiguration {

    /** Partitions on local threads: twice the grid, so two jobs' partitions can run side by side. */
    @Bean
    @ConditionalOnBooleanProperty(name = "display.reconciler.remote.enabled", havingValue = false, matchIfMissing = true)
    Partitions localPartitions(JobRepository jobRepository, ReconcilerProperties properties) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("partition-");
        executor.setConcurrencyLimit(properties.partitions() * 2);
        return new LocalPartitions(jobRepository, executor, properties.partitions());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("display.reconciler.remote.enabled")
    static class Remote {

        /** The manager steps' requests, on their way to the topic. */
        @Bean
        DirectChannel partitionRequests() {
            return new DirectChannel();
        }

        @Bean
        RemotePartitions remotePartitions(JobRepository jobRepository, DirectChannel partitionRequests,
                                          ReconcilerProperties properties) {
            return new RemotePartitions(jobRepository, partitionRequests, properties.partitions(),
                    properties.remote().pollInterval().toMillis());
        }

        @Bean
        NewTopic partitionRequestsTopic(Topics topics, ReconcilerProperties properties) {
            return TopicBuilder.name(topic(topics, properties)).partitions(properties.remote().topicPartitions()).build();
        }

        /** Each request as JSON, keyed by its step execution so a job's partitions spread over the topic's partitions. */
        @Bean
        IntegrationFlow partitionRequestsOut(DirectChannel partitionRequests, KafkaTemplate<String, byte[]> kafkaTemplate,
                                             JobRepository jobRepository, Topics topics, ReconcilerProperties properties) {
            return IntegrationFlow.from(partitionRequests)
                    .enrichHeaders(headers -> headers.headerFunction(KafkaHeaders.KEY,
                            message -> Long.toString(((StepExecutionRequest) message.getPayload()).getStepExecutionId())))
                    .transform(StepExecutionRequest.class, request -> PartitionRequest.encode(request, jobRepository))
                    .handle(Kafka.outboundChannelAdapter(kafkaTemplate).topic(topic(topics, properties)).sync(true))
                    .get();
        }

        @Bean
        PartitionWorker partitionWorker(JobRepository jobRepository, RemotePartitions remotePartitions,
                                        ReconcilerProperties properties) {
            return new PartitionWorker(jobRepository, remotePartitions, properties.instance());
        }

        /**
         * This instance's workers: one consumer per worker thread, one request at a time each, the offset
         * committed once the thread ran out of partitions to claim for it. That can be most of a job, far
         * longer than Kafka's default poll interval, so the consumer's is a day: a worker that dies is
         * noticed by the group's session timeout (its heartbeats stop) and by the managers' lease, a hung
         * one by the lease.
         */
        @Bean
        IntegrationFlow partitionRequestsIn(KafkaProperties kafka, PartitionWorker partitionWorker, Topics topics,
                                            ReconcilerProperties properties) {
            ReconcilerProperties.Remote remote = properties.remote();
            Map<String, Object> consumer = kafka.buildConsumerProperties();
            consumer.put(ConsumerConfig.GROUP_ID_CONFIG, remote.group());
            consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
            // a killed worker's topic partitions move to the others within seconds, not the default 45
            consumer.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) ReconcilerProperties.Remote.SESSION_TIMEOUT.toMillis());
            consumer.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) ReconcilerProperties.Remote.SESSION_TIMEOUT.dividedBy(3).toMillis());
            consumer.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofDays(1).toMillis());
            ContainerProperties container = new ContainerProperties(topic(topics, properties));
            container.setAckMode(ContainerProperties.AckMode.RECORD);
            return IntegrationFlow.from(Kafka.messageDrivenChannelAdapter(new DefaultKafkaConsumerFactory<String, byte[]>(consumer),
                                    container)
                            .configureListenerContainer(spec -> spec.concurrency(remote.workerThreads())))
                    .handle(byte[].class, (payload, headers) -> {
                        partitionWorker.run(PartitionRequest.decode(payload));
                        return null;
                    })
                    .get();
        }

        /** On every instance of the job store: any of them may fail a partition whose worker is gone. */
        @Bean(destroyMethod = "close")
        PartitionLease partitionLease(JobRepository jobRepository, ReconcilerProperties properties) {
            return new PartitionLease(jobRepository, properties.remote().lease(), properties.remote().pollInterval(),
                    Clock.systemDefaultZone());
        }

        private static String topic(Topics topics, ReconcilerProperties properties) {
            return topics.prefix() + properties.remote().topic();
        }
    }
}
