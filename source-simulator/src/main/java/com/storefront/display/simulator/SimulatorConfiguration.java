package com.storefront.display.simulator;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import com.storefront.display.core.domain.Topics;
import com.storefront.display.simulator.producer.KafkaEventSink;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SimulatorProperties.class, Topics.class})
class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    Simulator simulator(SimulatorProperties properties, KafkaTemplate<String, byte[]> template, Topics topics) {
        SimulatorStats stats = new SimulatorStats();
        return new Simulator(properties, new KafkaEventSink(template, stats, topics), stats);
    }

    /**
     * The six domain topics under the environment's prefix, created at start when missing (keyed by shop id,
     * so enough partitions to scale out).
     */
    @Bean
    KafkaAdmin.NewTopics domainTopics(SimulatorProperties properties, Topics topics) {
        return new KafkaAdmin.NewTopics(topics.all().stream()
                .map(topic -> TopicBuilder.name(topic).partitions(properties.topicPartitions()).build())
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
