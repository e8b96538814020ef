package com.storefront.display.core.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.cassandra.core.cql.AsyncCqlTemplate;
import org.springframework.data.cassandra.core.cql.CqlTemplate;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.core.cql.DisplayCassandraProperties;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.failure.FailureStore;
import com.storefront.display.core.source.HttpSourceApi;
import com.storefront.display.core.source.SourceProperties;
import com.storefront.display.core.write.DisplayWriter;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What every app that projects upstream data into the read model wires alike (stream-ingest,
 * batch-reconciler): the one writer, the failure store, the domain topics, and the source APIs behind a
 * circuit breaker configured from {@code display.source.*} and bound to Micrometer. display-api, which
 * only reads, excludes it.
 */
@AutoConfiguration(afterName = "org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration")
@ConditionalOnBean(CqlSession.class)
@EnableConfigurationProperties({Topics.class, SourceProperties.class, DisplayCassandraProperties.class})
public class ProjectionAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DisplayWriter displayWriter(CqlSession session, DisplayCassandraProperties cassandra) {
        return new DisplayWriter(new AsyncCqlTemplate(session), cassandra.writeBatch());
    }

    @Bean
    @ConditionalOnMissingBean
    FailureStore failureStore(CqlSession session) {
        return new FailureStore(new CqlTemplate(session));
    }

    @Bean
    @ConditionalOnMissingBean
    CircuitBreakerRegistry circuitBreakers(SourceProperties source, ObjectProvider<MeterRegistry> meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(source.failureRateThreshold())
                .slidingWindowSize(source.slidingWindow())
                .minimumNumberOfCalls(Math.min(10, source.slidingWindow()))
                .waitDurationInOpenState(source.openFor())
                .permittedNumberOfCallsInHalfOpenState(3)
                .build());
        meters.ifAvailable(registryOfMeters -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(registryOfMeters));
        return registry;
    }

    @Bean
    @ConditionalOnMissingBean
    HttpSourceApi sourceApi(SourceProperties source, CircuitBreakerRegistry circuitBreakers) {
        return new HttpSourceApi(source, circuitBreakers.circuitBreaker(SourceProperties.CIRCUIT));
    }
}
