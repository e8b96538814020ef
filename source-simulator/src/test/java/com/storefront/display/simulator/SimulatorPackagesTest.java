package com.storefront.display.simulator;

import org.junit.jupiter.api.Test;

import com.storefront.display.testkit.architecture.PackageRules;
import com.tngtech.archunit.core.domain.JavaClasses;

/** The simulator shares code only through display-core, and its web layer does not publish to Kafka itself. */
class SimulatorPackagesTest {

    private static final String APP = PackageRules.ROOT + ".simulator";
    private static final JavaClasses CLASSES = PackageRules.mainClasses(APP);

    @Test
    void onlyDisplayCoreIsShared() {
        PackageRules.onlySharedModules(APP).check(CLASSES);
    }

    @Test
    void theWebLayerReachesNeitherCassandraNorKafka() {
        PackageRules.noStoreOrBroker(APP + ".web..").check(CLASSES);
    }
}
