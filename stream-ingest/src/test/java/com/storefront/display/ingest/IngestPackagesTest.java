package com.storefront.display.ingest;

import org.junit.jupiter.api.Test;

import com.storefront.display.testkit.architecture.PackageRules;

/** stream-ingest's packages form no cycle and share code only through display-core. */
class IngestPackagesTest {

    private static final String APP = PackageRules.ROOT + ".ingest";

    @Test
    void holdsTheRulesOfEveryApp() {
        PackageRules.ofEveryApp(APP).check(PackageRules.mainClasses(APP));
    }
}
