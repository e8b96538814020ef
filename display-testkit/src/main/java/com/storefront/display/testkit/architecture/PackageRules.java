package com.storefront.display.testkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The boundaries every module holds itself to, checked on its compiled main classes (docs/architecture.md):
 * no package cycles; an app uses display-core and the schema, never another app's code; local-stack is for
 * tests only; and, per app, which layers may reach Cassandra, Kafka or the job launcher.
 */
public final class PackageRules {

    public static final String ROOT = "com.storefront.display";
    /** Each application module's root package. */
    public static final List<String> APPS = List.of(ROOT + ".ingest", ROOT + ".reconciler", ROOT + ".api", ROOT + ".simulator");
    public static final String[] CASSANDRA = {"com.datastax..", "org.springframework.data.cassandra.."};
    public static final String[] KAFKA = {"org.apache.kafka..", "org.springframework.kafka.."};

    private PackageRules() {
    }

    /** The module's own main classes under {@code rootPackage}: no tests, nothing from jars. */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** What every application holds to: {@link #noPackageCycles} and {@link #onlySharedModules}. */
    public static ArchRule ofEveryApp(String rootPackage) {
        return CompositeArchRule.of(noPackageCycles(rootPackage)).and(onlySharedModules(rootPackage));
    }

    /** The packages right under {@code rootPackage} (and what they hold) depend on each other without a cycle. */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles();
    }

    /** Code under {@code rootPackage} uses no other application's code and not local-stack. */
    public static ArchRule onlySharedModules(String rootPackage) {
        String[] others = APPS.stream().filter(app -> !app.equals(rootPackage)).map(app -> app + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(rootPackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .orShould().dependOnClassesThat().resideInAPackage(ROOT + ".localstack..")
                .because("apps share code only through display-core and db-migrations, and local-stack is for tests");
    }

    /** The given packages (e.g. a web or ops layer) reach neither Cassandra nor Kafka but through the layers below. */
    public static ArchRule noStoreOrBroker(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().resideInAnyPackage(CASSANDRA)
                .orShould().dependOnClassesThat().resideInAnyPackage(KAFKA)
                .because("the web and ops layers read and act through the modules that own the data");
    }
}
