package com.venuedesk.desk.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class StoreLayerTest {
    private final JavaClasses deskClasses = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.venuedesk.desk.store", "com.venuedesk.desk.sync");

    @Test
    void theStoreAndTheSyncEngineKnowNothingOfJavaFx() {
        noClasses().that().resideInAnyPackage("com.venuedesk.desk.store..", "com.venuedesk.desk.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.calendarfx..", "org.controlsfx..")
                .check(deskClasses);
    }

    @Test
    void theStoreDoesNotReachForTheNetwork() {
        noClasses().that().resideInAPackage("com.venuedesk.desk.store..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "com.venuedesk.desk.sync..")
                .check(deskClasses);
    }
}
