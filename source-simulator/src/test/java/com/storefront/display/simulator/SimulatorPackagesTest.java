package com.storefront.display.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The simulator shares code only through display-core (its tests' and the other apps' rules are
 * display-testkit's {@code PackageRules}, which depends on this module), and its web layer does not
 * publish to Kafka itself.
 */
class SimulatorPackagesTest {

    private static final String ROOT = "com.storefront.display";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT + ".simulator");

    @Test
    void onlyDisplayCoreIsShared() {
        noClasses().that().resideInAPackage(ROOT + ".simulator..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".ingest..", ROOT + ".reconciler..",
                        ROOT + ".api..", ROOT + ".localstack..", ROOT + ".testkit..")
                .check(CLASSES);
    }

    @Test
    void theWebLayerDoesNotPublishItself() {
        noClasses().that().resideInAPackage(ROOT + ".simulator.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
                .check(CLASSES);
    }
}
