package com.storefront.display.ingest.batch;

import java.lang.reflect.Method;
import java.util.List;

import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.ingest.IngestProperties;

/**
 * One listener container per domain, a bulkhead: a domain whose source is slow or whose topic is full
 * of poison holds up its own polls only. The containers are made from the {@link Domain} list, so adding a
 * domain does not touch this class; each consumes its domain's topic in batches handed to
 * {@link ProjectingBatch}, with the domain's concurrency ({@code display.ingest.listeners.*}). All of
 * them join the one consumer group {@code spring.kafka.consumer.group-id}, so every instance of
 * stream-ingest shares every topic's partitions with the others.
 */
public final class DomainListeners implements KafkaListenerConfigurer {

    /** Listener ids are this prefix and the domain's source path, e.g. {@code display-ingest-stock}. */
    public static final String ID_PREFIX = "display-ingest-";

    private final ProjectingBatch projecting;
    private final Topics topics;
    private final IngestProperties.Listeners listeners;

    public DomainListeners(ProjectingBatch projecting, Topics topics, IngestProperties.Listeners listeners) {
        this.projecting = projecting;
        this.topics = topics;
        this.listeners = listeners;
    }

    /** The id of a domain's listener container in the {@code KafkaListenerEndpointRegistry}. */
    public static String idOf(Domain domain) {
        return ID_PREFIX + domain.sourcePath();
    }

    @Override
    public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
        DefaultMessageHandlerMethodFactory handlers = new DefaultMessageHandlerMethodFactory();
        handlers.afterPropertiesSet();
        for (Domain domain : Domain.evented()) {
            MethodKafkaListenerEndpoint<String, byte[]> endpoint = new MethodKafkaListenerEndpoint<>();
            endpoint.setId(idOf(domain));
            endpoint.setTopics(topics.of(domain));
            endpoint.setBatchListener(true);
            endpoint.setConcurrency(listeners.concurrencyOf(domain));
            endpoint.setBean(projecting);
            endpoint.setMethod(applyMethod());
            endpoint.setMessageHandlerMethodFactory(handlers);
            registrar.registerEndpoint(endpoint);
        }
    }

    private static Method applyMethod() {
        try {
            return ProjectingBatch.class.getMethod("apply", List.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("ProjectingBatch.apply(List<ConsumerRecord>) is the domain listeners' method", e);
        }
    }
}
