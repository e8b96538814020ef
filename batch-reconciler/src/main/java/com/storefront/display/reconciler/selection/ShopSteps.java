package com.storefront.display.reconciler.selection;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.cassandra.core.cql.CqlTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.storefront.display.core.source.BlockingSourceApi;
import com.storefront.display.reconciler.ReconcilerProperties;
import com.storefront.display.reconciler.partition.Partitions;
import com.storefront.display.reconciler.progress.PartitionProgress;

/**
 * The shape of the jobs that work shop by shop (reconcile, backfill's re-fetch): the chosen shops split
 * into partitions run in parallel, each read a chunk of shops at a time. A restart re-runs only the
 * partitions that failed, each from its last committed chunk.
 */
@Configuration(proxyBeanMethods = false)
public class ShopSteps {

    /** Shops per chunk: each shop is several source calls and up to thousands of rows. */
    private static final int SHOPS_PER_CHUNK = 20;

    /** The shops of a step's job request, split into partitions when the step starts. */
    @Bean
    @StepScope
    ShopPartitioner shopPartitioner(BlockingSourceApi source, ReadModelShopIds readModelShopIds,
                                    @Value("#{stepExecution.jobParameters}") JobParameters parameters) {
        return new ShopPartitioner(ShopSelection.parse(parameters.getString(ShopSelection.PARAMETER)), source, readModelShopIds);
    }

    @Bean
    @StepScope
    ShopIdReader shopIdReader(BlockingSourceApi source) {
        return new ShopIdReader(source);
    }

    @Bean
    ReadModelShopIds readModelShopIds(CqlTemplate cql) {
        return new ReadModelShopIds(cql);
    }

    /**
     * The partitioned step of a shop job named {@code job}: its manager (named as the job) and its worker
     * ({@code <job>-partition}), which turns each shop into {@code O} and writes a chunk of them.
     */
    public static <O> Step partitioned(String job, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                       ShopPartitioner partitioner, Partitions partitions, ReconcilerProperties properties,
                                       ShopIdReader reader, ItemProcessor<Long, O> processor, ItemWriter<O> writer) {
        Step worker = new StepBuilder(job + "-partition", jobRepository)
                .<Long, O>chunk(SHOPS_PER_CHUNK)
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(processor)
                .writer(writer)
                .listener(new PartitionProgress(Math.max(1, properties.progressLogEvery() / 100), properties.instance()))
                .build();
        return partitions.manager(job, partitioner, worker);
    }
}
