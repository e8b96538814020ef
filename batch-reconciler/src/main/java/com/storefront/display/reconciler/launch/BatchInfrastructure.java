package com.storefront.display.reconciler.launch;

import java.time.Duration;
import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.cassandra.core.cql.CqlTemplate;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.core.source.BlockingSourceApi;
import com.storefront.display.core.source.HttpSourceApi;
import com.storefront.display.core.source.SourceProperties;
import com.storefront.display.reconciler.ReconcilerProperties;

import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What every job shares beyond display-core's writer, failure store and source APIs: the source calls
 * as the jobs make them (blocking, rate-limited, retried), the threads jobs and partitions run on, and
 * the one way jobs are started (the ops API, the scheduler and the command line all go through
 * {@link JobRequests}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconcilerProperties.class)
public class BatchInfrastructure {

    @Bean
    JobRequests jobRequests(List<Job> jobs, JobOperator jobOperator, JobRepository jobRepository,
                            ReconcilerProperties properties) {
        return new JobRequests(jobs, jobOperator, jobRepository, properties.staleAfter(), properties.role().manages());
    }

    /**
     * Only managers start jobs: on a {@code worker} the clustered Quartz scheduler stays in standby, so a
     * nightly fire always lands on a manager.
     */
    @Bean
    SchedulerFactoryBeanCustomizer onlyManagersSchedule(ReconcilerProperties properties) {
        return factory -> {
            if (!properties.role().manages()) {
                factory.setAutoStartup(false);
            }
        };
    }

    @Bean
    JobCommandLine jobCommandLine(JobRequests jobRequests) {
        return new JobCommandLine(jobRequests);
    }

    @Bean
    CqlTemplate cqlTemplate(CqlSession session) {
        return new CqlTemplate(session);
    }

    @Bean
    RateLimiterRegistry rateLimiters(SourceProperties source, MeterRegistry meters) {
        RateLimiterRegistry registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(source.requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ofMinutes(1))
                .build());
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    BlockingSourceApi blockingSourceApi(HttpSourceApi source, SourceProperties settings, RateLimiterRegistry rateLimiters) {
        return new BlockingSourceApi(source, rateLimiters.rateLimiter(SourceProperties.CIRCUIT), settings.attempts());
    }

    /** Jobs started through the ops API or Quartz run on their own thread: the caller gets the execution id at once. */
    @Bean
    @BatchTaskExecutor
    TaskExecutor jobLaunchExecutor() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("job-");
        executor.setConcurrencyLimit(8);
        return executor;
    }
}
