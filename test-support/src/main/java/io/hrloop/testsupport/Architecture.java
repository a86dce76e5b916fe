package io.hrloop.testsupport;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The house layering of a service (shared/STYLE.md), checked on its compiled main classes: api → service →
 * domain, events → service → domain, config beside; nothing depends on api, domain on nothing of the
 * service's, and no package cycles.
 */
public final class Architecture {

    private Architecture() {
    }

    /** Fails with the offending dependencies when the service at {@code rootPackage} breaks the layering. */
    public static void check(String rootPackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().check(classes);
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("api").definedBy(rootPackage + ".api..")
                .layer("events").definedBy(rootPackage + ".events..")
                .layer("service").definedBy(rootPackage + ".service..")
                .layer("domain").definedBy(rootPackage + ".domain..")
                .layer("config").definedBy(rootPackage + ".config..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("events").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("api", "events", "config")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("api", "events", "service", "config")
                .check(classes);
    }
}
