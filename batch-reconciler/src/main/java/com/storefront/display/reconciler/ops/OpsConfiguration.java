package com.storefront.display.reconciler.ops;

import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.failure.FailureStore;
import com.storefront.display.reconciler.ReconcilerProperties;
import com.storefront.display.reconciler.failures.FailureHandling;
import com.storefront.display.reconciler.job.JobCommandLine;
import com.storefront.display.reconciler.job.JobRequests;

/** What the ops API, the scheduler and the command line act through. */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

    @Bean
    JobRequests jobRequests(List<Job> jobs, JobOperator jobOperator, JobRepository jobRepository,
                            ReconcilerProperties properties) {
        return new JobRequests(jobs, jobOperator, jobRepository, properties.staleAfter());
    }

    @Bean
    JobCommandLine jobCommandLine(JobRequests jobRequests) {
        return new JobCommandLine(jobRequests);
    }

    @Bean
    FailureHandling failureHandling(FailureStore failureStore, KafkaTemplate<String, byte[]> kafkaTemplate, Topics topics) {
        return new FailureHandling(failureStore, kafkaTemplate, topics);
    }
}
