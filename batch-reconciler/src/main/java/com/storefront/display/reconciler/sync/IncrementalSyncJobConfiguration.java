package com.storefront.display.reconciler.sync;

import java.time.Clock;
import java.time.Duration;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.cassandra.core.cql.CqlOperations;
import org.springframework.transaction.PlatformTransactionManager;

import com.storefront.display.core.source.BlockingSourceApi;
import com.storefront.display.core.source.SourceChange;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.reconciler.ReconcilerProperties;
import com.storefront.display.reconciler.launch.IncrementalSyncRequest;
import com.storefront.display.reconciler.launch.JobNames;
import com.storefront.display.reconciler.launch.ParameterRules;
import com.storefront.display.reconciler.partition.Partitions;
import com.storefront.display.reconciler.progress.PartitionProgress;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code incremental-sync}: for each chosen domain, one partition that applies its source's incremental
 * export from the domain's high-water mark in version order, a page's worth of changes per chunk, the mark
 * committed after each chunk's writes.
 */
@Configuration(proxyBeanMethods = false)
public class IncrementalSyncJobConfiguration {

    @Bean
    SyncMarks syncMarks(CqlOperations cql) {
        return new SyncMarks(cql);
    }

    @Bean
    SyncLag syncLag(SyncMarks syncMarks, ReconcilerProperties properties, MeterRegistry meters) {
        return new SyncLag(syncMarks, properties.sync().synced(), meters, Clock.systemUTC(), Duration.ofSeconds(15));
    }

    @Bean
    Job incrementalSyncJob(JobRepository jobRepository, Step incrementalSyncPartitions, ReconcilerProperties properties) {
        return new JobBuilder(JobNames.INCREMENTAL_SYNC, jobRepository)
                .validator(ParameterRules.incrementalSync(properties.sync().synced()))
                .start(incrementalSyncPartitions)
                .build();
    }

    @Bean
    Step incrementalSyncPartitions(DomainPartitioner incrementalSyncPartitioner, Step incrementalSyncPartition,
                                   Partitions partitions) {
        return partitions.manager(JobNames.INCREMENTAL_SYNC, incrementalSyncPartitioner, incrementalSyncPartition);
    }

    @Bean
    Step incrementalSyncPartition(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                  ChangeFeedReader incrementalSyncReader, DisplayWriter writer, SyncMarks syncMarks,
                                  SyncLag syncLag, ReconcilerProperties properties) {
        return new StepBuilder(JobNames.INCREMENTAL_SYNC + "-partition", jobRepository)
                .<SourceChange, SourceChange>chunk(properties.sync().pageSize())
                .transactionManager(transactionManager)
                .reader(incrementalSyncReader)
                .writer(new SyncWriter(writer, syncMarks, syncLag, properties.writeConcurrency()))
                .listener(new PartitionProgress(properties.progressLogEvery(), properties.instance()))
                .build();
    }

    @Bean
    @StepScope
    DomainPartitioner incrementalSyncPartitioner(ReconcilerProperties properties,
                                                 @Value("#{stepExecution.jobParameters}") JobParameters parameters)
            throws InvalidJobParametersException {
        return new DomainPartitioner(IncrementalSyncRequest.of(parameters, properties.sync().synced()).domains());
    }

    @Bean
    @StepScope
    ChangeFeedReader incrementalSyncReader(BlockingSourceApi source, SyncMarks syncMarks, ReconcilerProperties properties) {
        return new ChangeFeedReader(source, syncMarks, properties.sync().pageSize());
    }
}
