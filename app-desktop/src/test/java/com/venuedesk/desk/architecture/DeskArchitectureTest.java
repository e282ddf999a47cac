package com.venuedesk.desk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.venuedesk.desk", importOptions = ImportOption.DoNotIncludeTests.class)
class DeskArchitectureTest {

    @ArchTest
    static final ArchRule storeAndSyncRunWithoutJavaFx = noClasses().that().resideInAnyPackage("..desk.store..", "..desk.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.calendarfx..", "org.controlsfx..", "atlantafx..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule calendarFxStaysInTheCalendarFeature = noClasses().that().resideOutsideOfPackage("..desk.calendar..")
            .should().dependOnClassesThat().resideInAPackage("com.calendarfx..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule storeDoesNotCallTheServerInProcess = noClasses().that().resideInAnyPackage("..desk.store..", "..desk.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("com.venuedesk.server.booking..", "com.venuedesk.server.persistence..",
                    "com.venuedesk.server.auth..", "com.venuedesk.server.api..")
            .allowEmptyShould(true);
}
