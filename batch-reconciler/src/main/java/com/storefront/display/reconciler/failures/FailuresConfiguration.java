package com.storefront.display.reconciler.failures;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.failure.FailureStore;

/** The failure store as the ops API acts on it: listed, replayed to the failure's own topic, discarded. */
@Configuration(proxyBeanMethods = false)
class FailuresConfiguration {

    @Bean
    FailureHandling failureHandling(FailureStore failureStore, KafkaTemplate<String, byte[]> kafkaTemplate, Topics topics) {
        return new FailureHandling(failureStore, kafkaTemplate, topics);
    }
}
