package com.storefront.display.reconciler.reconcile;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.cassandra.core.cql.CqlTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.storefront.display.core.source.BlockingSourceApi;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.reconciler.ReconcilerProperties;
import com.storefront.display.reconciler.launch.JobNames;
import com.storefront.display.reconciler.partition.Partitions;
import com.storefront.display.reconciler.launch.ParameterRules;
import com.storefront.display.reconciler.launch.ReconcileRequest;
import com.storefront.display.reconciler.selection.ShopIdReader;
import com.storefront.display.reconciler.selection.ShopPartitioner;
import com.storefront.display.reconciler.selection.ShopSteps;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code reconcile}: each chosen shop's domains compared with their sources, the drift classified, and
 * repaired or (dry run) only reported; a run's counts are kept when it ends.
 */
@Configuration(proxyBeanMethods = false)
public class ReconcileJobConfiguration {

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
    Job reconcileJob(JobRepository jobRepository, Step reconcilePartitions, ReconciliationRuns runs) {
        return new JobBuilder(JobNames.RECONCILE, jobRepository)
                .validator(ParameterRules.reconcile())
                .listener(runs)
                .start(reconcilePartitions)
                .build();
    }

    @Bean
    Step reconcilePartitions(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             ShopPartitioner shopPartitioner, Partitions partitions,
                             ReconcilerProperties properties, ShopIdReader shopIdReader, ShopReconciler shopReconciler,
                             DriftWriter driftWriter) {
        return ShopSteps.partitioned(JobNames.RECONCILE, jobRepository, transactionManager, shopPartitioner,
                partitions, properties, shopIdReader, shopReconciler, driftWriter);
    }

    @Bean
    @StepScope
    ShopReconciler shopReconciler(BlockingSourceApi source, ReadModelShop readModelShop, ReconcilePhases phases,
                                  @Value("#{stepExecution.jobParameters}") JobParameters parameters)
            throws InvalidJobParametersException {
        return new ShopReconciler(source, readModelShop, ReconcileRequest.of(parameters).domains(), phases);
    }

    @Bean
    ReconcilePhases reconcilePhases(MeterRegistry meters) {
        return new ReconcilePhases(meters);
    }

    @Bean
    @StepScope
    DriftWriter driftWriter(DisplayWriter writer, DriftRecords driftRecords, ReconcilerProperties properties, ReconcilePhases phases,
                            @Value("#{stepExecution.jobExecution.id}") Long executionId,
                            @Value("#{stepExecution.jobParameters}") JobParameters parameters)
            throws InvalidJobParametersException {
        return new DriftWriter(writer, driftRecords, executionId, ReconcileRequest.of(parameters).dryRun(),
                properties.writeConcurrency(), properties.driftSamples(), phases);
    }
}
