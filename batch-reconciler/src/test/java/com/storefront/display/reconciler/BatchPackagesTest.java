package com.storefront.display.reconciler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.storefront.display.testkit.architecture.PackageRules;
import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * batch-reconciler's packages by feature (README, "Where the code is"): they form no cycle, only
 * {@code launch} starts, stops and restarts jobs, and the ops API acts through the feature packages,
 * never on Cassandra or Kafka itself.
 */
class BatchPackagesTest {

    private static final String APP = PackageRules.ROOT + ".reconciler";
    private static final JavaClasses CLASSES = PackageRules.mainClasses(APP);

    @Test
    void featurePackagesFormNoCycleAndShareOnlyDisplayCore() {
        PackageRules.ofEveryApp(APP).check(CLASSES);
    }

    @Test
    void onlyTheLaunchPackageStartsJobs() {
        noClasses().that().resideOutsideOfPackage(APP + ".launch..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.batch.core.launch..")
                .because("jobs are started, stopped and restarted through JobRequests, which validates and recovers first")
                .check(CLASSES);
    }

    @Test
    void theOpsLayerReachesNeitherCassandraNorKafka() {
        PackageRules.noStoreOrBroker(APP + ".ops..").check(CLASSES);
    }
}
