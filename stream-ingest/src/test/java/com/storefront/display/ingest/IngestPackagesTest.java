package com.storefront.display.ingest;

import org.junit.jupiter.api.Test;

import com.storefront.display.testkit.architecture.PackageRules;
import com.tngtech.archunit.core.domain.JavaClasses;

/** stream-ingest's packages form no cycle and share code only through display-core. */
class IngestPackagesTest {

    private static final String APP = PackageRules.ROOT + ".ingest";
    private static final JavaClasses CLASSES = PackageRules.mainClasses(APP);

    @Test
    void packagesFormNoCycle() {
        PackageRules.noPackageCycles(APP).check(CLASSES);
    }

    @Test
    void onlyDisplayCoreAndTheSchemaAreShared() {
        PackageRules.onlySharedModules(APP).check(CLASSES);
    }
}
