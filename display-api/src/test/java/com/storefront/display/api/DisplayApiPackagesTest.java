package com.storefront.display.api;

import org.junit.jupiter.api.Test;

import com.storefront.display.testkit.architecture.PackageRules;
import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * display-api's packages form no cycle, share code only through display-core, and the web layer
 * (problems, caching, request errors) reads only through the shop and product reads.
 */
class DisplayApiPackagesTest {

    private static final String APP = PackageRules.ROOT + ".api";
    private static final JavaClasses CLASSES = PackageRules.mainClasses(APP);

    @Test
    void holdsTheRulesOfEveryApp() {
        PackageRules.ofEveryApp(APP).check(CLASSES);
    }

    @Test
    void theWebLayerReachesNeitherCassandraNorKafka() {
        PackageRules.noStoreOrBroker(APP + ".web..").check(CLASSES);
    }
}
