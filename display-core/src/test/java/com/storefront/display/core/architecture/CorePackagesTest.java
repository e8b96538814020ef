package com.storefront.display.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * display-core is what the apps share: it knows none of them nor local-stack, and its packages form no
 * cycle. (The apps' own rules are display-testkit's {@code PackageRules}, which depends on this module.)
 */
class CorePackagesTest {

    private static final String ROOT = "com.storefront.display";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT + ".core");

    @Test
    void theCoreKnowsNoApplication() {
        noClasses().that().resideInAPackage(ROOT + ".core..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".ingest..", ROOT + ".reconciler..",
                        ROOT + ".api..", ROOT + ".simulator..", ROOT + ".localstack..", ROOT + ".testkit..")
                .check(CLASSES);
    }

    @Test
    void corePackagesFormNoCycle() {
        slices().matching(ROOT + ".core.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
