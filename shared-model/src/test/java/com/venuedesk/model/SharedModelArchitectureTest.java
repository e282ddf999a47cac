package com.venuedesk.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shared model is written once for desk and server, so it may not lean on either side's frameworks. */
@AnalyzeClasses(packages = "com.venuedesk.model", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedModelArchitectureTest {

    @ArchTest
    static final ArchRule sharedModelUsesNoUiPersistenceHttpOrJsonBindingFramework = noClasses()
            .that().resideInAPackage("com.venuedesk.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "org.hibernate..", "jakarta.persistence..", "io.javalin..", "okhttp3..",
                    "java.sql..", "javax.sql..", "org.h2..", "org.postgresql..", "com.fasterxml.jackson.databind..")
            .because("desk and server both use the model; only Jackson annotations are allowed");

    @ArchTest
    static final ArchRule bookingRulesDoNotKnowTheSyncProtocol = noClasses()
            .that().resideInAPackage("com.venuedesk.model.rules..")
            .should().dependOnClassesThat().resideInAPackage("com.venuedesk.model.sync..")
            .because("rules are pure functions over domain records, whatever carries them over the wire");
}
