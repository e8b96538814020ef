package com.storefront.display.simulator;

import java.util.Arrays;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.simulator.producer.KafkaEventSink;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimulatorProperties.class)
class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    Simulator simulator(SimulatorProperties properties, KafkaTemplate<String, byte[]> template) {
        SimulatorStats stats = new SimulatorStats();
        return new Simulator(properties, new KafkaEventSink(template, stats), stats);
    }

    /** The six domain topics, created at start when missing (keyed by shop id, so enough partitions to scale out). */
    @Bean
    KafkaAdmin.NewTopics domainTopics(SimulatorProperties properties) {
        return new KafkaAdmin.NewTopics(Arrays.stream(Domain.values())
                .map(domain -> TopicBuilder.name(domain.topic()).partitions(properties.topicPartitions()).build())
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    @Bean
    ApplicationRunner startEventStream(SimulatorProperties properties, Simulator simulator) {
        return args -> {
            if (properties.streamOnStart()) {
                simulator.producer().start();
            }
        };
    }
}
