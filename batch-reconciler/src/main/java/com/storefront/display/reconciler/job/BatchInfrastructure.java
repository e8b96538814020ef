package com.storefront.display.reconciler.job;

import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.cassandra.core.cql.AsyncCqlTemplate;
import org.springframework.data.cassandra.core.cql.CqlTemplate;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.core.cql.Reconnection;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.failure.FailureStore;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.reconciler.ReconcilerProperties;
import com.storefront.display.reconciler.source.SourceApi;

/** What every job shares: the one writer of the read model, the source APIs, and the threads jobs run on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ReconcilerProperties.class, Topics.class})
public class BatchInfrastructure {

    /** Reconnects to a Cassandra node that came back within seconds, so a job started after an outage finds it. */
    @Bean
    DriverConfigLoaderBuilderCustomizer quickReconnect(ReconcilerProperties properties) {
        return builder -> Reconnection.atMost(builder, properties.reconnectMaxDelay());
    }

    @Bean
    DisplayWriter displayWriter(CqlSession session) {
        return new DisplayWriter(new AsyncCqlTemplate(session));
    }

    @Bean
    CqlTemplate cqlTemplate(CqlSession session) {
        return new CqlTemplate(session);
    }

    @Bean
    FailureStore failureStore(CqlTemplate cql) {
        return new FailureStore(cql);
    }

    @Bean
    SourceApi sourceApi(ReconcilerProperties properties) {
        return new SourceApi(properties.source());
    }

    /** Jobs started through the ops API or Quartz run on their own thread: the caller gets the execution id at once. */
    @Bean
    @BatchTaskExecutor
    TaskExecutor jobLaunchExecutor() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("job-");
        executor.setConcurrencyLimit(8);
        return executor;
    }

    /** Partitions of a step: local threads; remote partitioning would replace only this handler's executor. */
    @Bean
    TaskExecutor partitionExecutor(ReconcilerProperties properties) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("partition-");
        executor.setConcurrencyLimit(properties.partitions() * 2);
        return executor;
    }
}
