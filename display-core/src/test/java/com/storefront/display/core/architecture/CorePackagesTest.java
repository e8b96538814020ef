package com.storefront.display.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.storefront.display.testkit.architecture.PackageRules;
import com.tngtech.archunit.core.domain.JavaClasses;

/** display-core is what the apps share: it knows none of them, and its packages form no cycle. */
class CorePackagesTest {

    private static final String CORE = PackageRules.ROOT + ".core";
    private static final JavaClasses CLASSES = PackageRules.mainClasses(CORE);

    @Test
    void theCoreKnowsNoApplication() {
        noClasses().that().resideInAPackage(CORE + "..")
                .should().dependOnClassesThat().resideInAnyPackage(PackageRules.APPS.stream().map(app -> app + "..").toArray(String[]::new))
                .orShould().dependOnClassesThat().resideInAPackage(PackageRules.ROOT + ".localstack..")
                .check(CLASSES);
    }

    @Test
    void corePackagesFormNoCycle() {
        PackageRules.noPackageCycles(CORE).check(CLASSES);
    }
}
