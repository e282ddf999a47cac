package com.venuedesk.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.venuedesk.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

    @ArchTest
    static final ArchRule serverNeverTouchesJavaFx = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "com.calendarfx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule persistenceDoesNotKnowTheHttpLayer = noClasses().that().resideInAPackage("..server.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "..server.api..");

    @ArchTest
    static final ArchRule wireFormatIsOnlyJackson = noClasses().that().resideInAPackage("..server.wire..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.hibernate..", "jakarta.persistence..",
                    "..server.api..", "..server.persistence..");

    @ArchTest
    static final ArchRule onlyTheCompositionRootWiresTheServer = noClasses()
            .that().resideOutsideOfPackage("com.venuedesk.server")
            .should().dependOnClassesThat().haveFullyQualifiedName("com.venuedesk.server.VenueDeskServer");
}
