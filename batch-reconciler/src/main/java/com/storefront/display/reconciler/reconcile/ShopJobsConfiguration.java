package com.storefront.display.reconciler.reconcile;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.cassandra.core.cql.CqlTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.reconciler.ReconcilerProperties;
import com.storefront.display.reconciler.job.DomainSelection;
import com.storefront.display.reconciler.job.JobNames;
import com.storefront.display.reconciler.job.ParameterRules;
import com.storefront.display.reconciler.shops.ReadModelShopIds;
import com.storefront.display.reconciler.shops.ShopIdReader;
import com.storefront.display.reconciler.shops.ShopPartitioner;
import com.storefront.display.reconciler.shops.ShopSelection;
import com.storefront.display.reconciler.source.SourceApi;

/**
 * The jobs that work shop by shop: {@code reconcile} (compare, classify, repair or report) and
 * {@code backfill} (re-fetch from source and write). Both split the chosen shops into partitions run in
 * parallel; a restart re-runs only the partitions that failed, each from its last committed chunk.
 */
@Configuration(proxyBeanMethods = false)
public class ShopJobsConfiguration {

    private static final String JOB_PARAMETER = "#{jobParameters['";
    /** Shops per chunk: each shop is several source calls and up to thousands of rows. */
    private static final int SHOPS_PER_CHUNK = 20;

    @Bean
    ReconciliationRuns reconciliationRuns(JobRepository jobRepository, CqlTemplate cql) {
        return new ReconciliationRuns(jobRepository, cql);
    }

    @Bean
    DriftRecords driftRecords(CqlTemplate cql) {
        return new DriftRecords(cql);
    }

    @Bean
    ReadModelShop readModelShop(CqlTemplate cql) {
        return new ReadModelShop(cql);
    }

    @Bean
    ReadModelShopIds readModelShopIds(CqlTemplate cql) {
        return new ReadModelShopIds(cql);
    }

    @Bean
    Job reconcileJob(JobRepository jobRepository, Step reconcilePartitions, ReconciliationRuns runs) {
        return new JobBuilder(JobNames.RECONCILE, jobRepository)
                .validator(ParameterRules.reconcile())
                .listener(runs)
                .start(reconcilePartitions)
                .build();
    }

    /** Re-fetches shops from their sources, or replays a topic (see {@code ReplayStepConfiguration}). */
    @Bean
    Job backfillJob(JobRepository jobRepository, JobExecutionDecider backfillKind, Step backfillPartitions,
                    Step backfillReplay, Topics topics) {
        return new JobBuilder(JobNames.BACKFILL, jobRepository)
                .validator(ParameterRules.backfill(topics))
                .start(backfillKind).on("REPLAY").to(backfillReplay)
                .from(backfillKind).on("*").to(backfillPartitions)
                .end()
                .build();
    }

    @Bean
    Step reconcilePartitions(JobRepository jobRepository, ShopPartitioner shopPartitioner,
                             @Qualifier("partitionExecutor") TaskExecutor partitionExecutor, ReconcilerProperties properties,
                             PlatformTransactionManager transactionManager, ShopIdReader shopIdReader,
                             ShopReconciler shopReconciler, ShopOutcomeWriter shopOutcomeWriter) {
        return partitioned(JobNames.RECONCILE, jobRepository, shopPartitioner, partitionExecutor, properties,
                worker(JobNames.RECONCILE, jobRepository, transactionManager, shopIdReader, shopReconciler, shopOutcomeWriter));
    }

    @Bean
    Step backfillPartitions(JobRepository jobRepository, ShopPartitioner shopPartitioner,
                            @Qualifier("partitionExecutor") TaskExecutor partitionExecutor, ReconcilerProperties properties,
                            PlatformTransactionManager transactionManager, ShopIdReader shopIdReader,
                            ShopRefetch shopRefetch, ShopOutcomeWriter shopOutcomeWriter) {
        return partitioned(JobNames.BACKFILL, jobRepository, shopPartitioner, partitionExecutor, properties,
                worker(JobNames.BACKFILL, jobRepository, transactionManager, shopIdReader, shopRefetch, shopOutcomeWriter));
    }

    private static Step partitioned(String job, JobRepository jobRepository, ShopPartitioner partitioner,
                                    TaskExecutor executor, ReconcilerProperties properties, Step worker) {
        return new StepBuilder(job, jobRepository)
                .partitioner(job + "-partition", partitioner)
                .step(worker)
                .gridSize(properties.partitions())
                .taskExecutor(executor)
                .build();
    }

    private static Step worker(String job, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               ShopIdReader reader, ItemProcessor<Long, ShopOutcome> processor, ShopOutcomeWriter writer) {
        return new StepBuilder(job + "-partition", jobRepository)
                .<Long, ShopOutcome>chunk(SHOPS_PER_CHUNK)
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(processor)
                .writer(writer)
                .build();
    }

    @Bean
    @StepScope
    ShopPartitioner shopPartitioner(SourceApi source, ReadModelShopIds readModelShopIds,
                                    @Value(JOB_PARAMETER + ShopSelection.PARAMETER + "']}") String shops) {
        return new ShopPartitioner(ShopSelection.parse(shops), source, readModelShopIds);
    }

    @Bean
    @StepScope
    ShopIdReader shopIdReader(SourceApi source, ReadModelShopIds readModelShopIds, ReconcilerProperties properties,
                              @Value("#{stepExecution.jobExecution.jobInstance.jobName}") String jobName) {
        return new ShopIdReader(source, readModelShopIds, jobName, Math.max(1, properties.progressLogEvery() / 100));
    }

    @Bean
    @StepScope
    ShopReconciler shopReconciler(SourceApi source, ReadModelShop readModelShop,
                                  @Value(JOB_PARAMETER + DomainSelection.PARAMETER + "']}") String domains) {
        return new ShopReconciler(source, readModelShop, DomainSelection.parse(domains));
    }

    @Bean
    @StepScope
    ShopRefetch shopRefetch(SourceApi source, @Value(JOB_PARAMETER + DomainSelection.PARAMETER + "']}") String domains) {
        return new ShopRefetch(source, DomainSelection.parse(domains));
    }

    @Bean
    @StepScope
    ShopOutcomeWriter shopOutcomeWriter(DisplayWriter writer, DriftRecords driftRecords, ReconcilerProperties properties,
                                        @Value("#{stepExecution.jobExecution.id}") Long executionId,
                                        @Value(JOB_PARAMETER + ParameterRules.DRY_RUN + "']}") String dryRun) {
        return new ShopOutcomeWriter(writer, driftRecords, executionId, "true".equals(dryRun),
                properties.writeConcurrency(), properties.driftSamples());
    }
}
