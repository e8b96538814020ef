package com.storefront.display.reconciler.bulkload;

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
import org.springframework.transaction.PlatformTransactionManager;

import com.storefront.display.core.source.BlockingSourceApi;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.reconciler.ReconcilerProperties;
import com.storefront.display.reconciler.launch.BulkLoadRequest;
import com.storefront.display.reconciler.launch.JobNames;
import com.storefront.display.reconciler.launch.ParameterRules;
import com.storefront.display.reconciler.partition.Partitions;
import com.storefront.display.reconciler.progress.PartitionProgress;
import com.storefront.display.reconciler.sync.BulkLoadMarks;
import com.storefront.display.reconciler.sync.SyncLag;
import com.storefront.display.reconciler.sync.SyncMarks;

/**
 * {@code bulk-load}: every item of the chosen domains' exports, written through the projections with
 * source versions as timestamps. One partition per id range of each domain, run in parallel. Once it
 * completed, incremental sync of its domains starts from a little before its start ({@link BulkLoadMarks}).
 */
@Configuration(proxyBeanMethods = false)
public class BulkLoadJobConfiguration {

    @Bean
    Job bulkLoadJob(JobRepository jobRepository, Step bulkLoadPartitions, SyncMarks syncMarks, SyncLag syncLag,
                    ReconcilerProperties properties) {
        return new JobBuilder(JobNames.BULK_LOAD, jobRepository)
                .validator(ParameterRules.bulkLoad())
                .listener(new BulkLoadMarks(syncMarks, syncLag, properties.sync().bulkLoadMargin()))
                .start(bulkLoadPartitions)
                .build();
    }

    @Bean
    Step bulkLoadPartitions(JobRepository jobRepository, DomainRangePartitioner bulkLoadPartitioner,
                            Step bulkLoadPartition, Partitions partitions) {
        return partitions.manager(JobNames.BULK_LOAD, bulkLoadPartitioner, bulkLoadPartition);
    }

    @Bean
    Step bulkLoadPartition(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           SourceExportReader bulkLoadReader, DisplayWriter writer, ReconcilerProperties properties) {
        return new StepBuilder(JobNames.BULK_LOAD + "-partition", jobRepository)
                .<SourceItem, SourceItem>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(bulkLoadReader)
                .writer(new ProjectingWriter(writer, properties.writeConcurrency()))
                .listener(new PartitionProgress(properties.progressLogEvery(), properties.instance()))
                .build();
    }

    @Bean
    @StepScope
    DomainRangePartitioner bulkLoadPartitioner(BlockingSourceApi source,
                                               @Value("#{stepExecution.jobParameters}") JobParameters parameters)
            throws InvalidJobParametersException {
        return new DomainRangePartitioner(source, BulkLoadRequest.of(parameters).domains());
    }

    @Bean
    @StepScope
    SourceExportReader bulkLoadReader(BlockingSourceApi source, ReconcilerProperties properties) {
        return new SourceExportReader(source, properties.chunkSize());
    }
}
