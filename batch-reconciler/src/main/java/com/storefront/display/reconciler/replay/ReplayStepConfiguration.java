package com.storefront.display.reconciler.replay;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.reconciler.ReconcilerProperties;
import com.storefront.display.reconciler.job.JobNames;
import com.storefront.display.reconciler.job.ParameterRules;
import com.storefront.display.reconciler.source.SourceApi;

/**
 * The replay form of {@code backfill}: a topic read again from a point in time and applied to the read
 * model as the stream would (timestamped writes, so replaying changes nothing that is newer).
 */
@Configuration(proxyBeanMethods = false)
public class ReplayStepConfiguration {

    static final String REPLAY = "REPLAY";
    static final String REFETCH = "REFETCH";

    /** A backfill with a {@code topic} replays it; otherwise it re-fetches shops from their sources. */
    @Bean
    JobExecutionDecider backfillKind() {
        return (job, step) -> new FlowExecutionStatus(job.getJobParameters().getString(ParameterRules.TOPIC) != null
                ? REPLAY : REFETCH);
    }

    @Bean
    Step backfillReplay(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        TopicReplayReader topicReplayReader, ReplayedEvents replayedEvents, DisplayWriter writer,
                        ReconcilerProperties properties) {
        int maxInFlight = properties.writeConcurrency();
        return new StepBuilder(JobNames.BACKFILL + "-replay", jobRepository)
                .<ConsumerRecord<String, byte[]>, DisplayWrite>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(topicReplayReader)
                .processor(replayedEvents)
                .writer(chunk -> writer.writeAllAndWait(chunk.getItems(), maxInFlight))
                .build();
    }

    @Bean
    @StepScope
    TopicReplayReader topicReplayReader(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                                        @Value("#{jobParameters['" + ParameterRules.TOPIC + "']}") String topic,
                                        @Value("#{jobParameters['" + ParameterRules.SINCE + "']}") String since,
                                        ReconcilerProperties properties, Topics topics) {
        if (topics.domainOf(topic) == null) {
            throw new IllegalArgumentException("not a domain topic: " + topic);
        }
        return new TopicReplayReader(bootstrapServers, topic, Instant.parse(since), properties.progressLogEvery());
    }

    @Bean
    ReplayedEvents replayedEvents(SourceApi source) {
        return new ReplayedEvents(source);
    }
}
