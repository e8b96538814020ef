package com.storefront.display.reconciler.backfill;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.source.BlockingSourceApi;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.reconciler.ReconcilerProperties;
import com.storefront.display.reconciler.bulkload.ProjectingWriter;
import com.storefront.display.reconciler.launch.BackfillRequest;
import com.storefront.display.reconciler.launch.JobNames;
import com.storefront.display.reconciler.partition.Partitions;
import com.storefront.display.reconciler.launch.ParameterRules;
import com.storefront.display.reconciler.progress.PartitionProgress;
import com.storefront.display.reconciler.selection.ShopIdReader;
import com.storefront.display.reconciler.selection.ShopPartitioner;
import com.storefront.display.reconciler.selection.ShopSteps;

/**
 * {@code backfill}, in one of two forms: the chosen shops re-fetched from their sources and written
 * again (partitioned by shop), or a topic read again from a point in time and applied to the read model
 * as the stream would. Both write timestamped, so a backfill changes nothing that is newer.
 */
@Configuration(proxyBeanMethods = false)
public class BackfillJobConfiguration {

    static final String REPLAY = "REPLAY";
    static final String REFETCH = "REFETCH";

    @Bean
    Job backfillJob(JobRepository jobRepository, JobExecutionDecider backfillKind, Step backfillPartitions,
                    Step backfillReplay, Topics topics) {
        return new JobBuilder(JobNames.BACKFILL, jobRepository)
                .validator(ParameterRules.backfill(topics))
                .start(backfillKind).on(REPLAY).to(backfillReplay)
                .from(backfillKind).on("*").to(backfillPartitions)
                .end()
                .build();
    }

    /** A backfill with a {@code topic} replays it; otherwise it re-fetches shops from their sources. */
    @Bean
    JobExecutionDecider backfillKind() {
        return (job, step) -> new FlowExecutionStatus(BackfillRequest.isReplay(job.getJobParameters()) ? REPLAY : REFETCH);
    }

    @Bean
    Step backfillPartitions(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            ShopPartitioner shopPartitioner, Partitions partitions,
                            ReconcilerProperties properties, ShopIdReader shopIdReader, ShopRefetch shopRefetch,
                            DisplayWriter writer) {
        ProjectingWriter projecting = new ProjectingWriter(writer, properties.writeConcurrency());
        ItemWriter<List<SourceItem>> refetched = chunk -> {
            List<SourceItem> items = new ArrayList<>();
            chunk.forEach(items::addAll);
            projecting.write(items);
        };
        return ShopSteps.partitioned(JobNames.BACKFILL, jobRepository, transactionManager, shopPartitioner,
                partitions, properties, shopIdReader, shopRefetch, refetched);
    }

    @Bean
    @StepScope
    ShopRefetch shopRefetch(BlockingSourceApi source, Topics topics,
                            @Value("#{stepExecution.jobParameters}") JobParameters parameters)
            throws InvalidJobParametersException {
        return new ShopRefetch(source, ((BackfillRequest.Refetch) BackfillRequest.of(parameters, topics)).domains());
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
                .listener(new PartitionProgress(properties.progressLogEvery(), properties.instance()))
                .build();
    }

    @Bean
    @StepScope
    TopicReplayReader topicReplayReader(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers, Topics topics,
                                        @Value("#{stepExecution.jobParameters}") JobParameters parameters)
            throws InvalidJobParametersException {
        BackfillRequest.Replay replay = (BackfillRequest.Replay) BackfillRequest.of(parameters, topics);
        return new TopicReplayReader(bootstrapServers, replay.topic(), replay.since());
    }

    @Bean
    ReplayedEvents replayedEvents(BlockingSourceApi source) {
        return new ReplayedEvents(source);
    }
}
