package com.venuedesk.desk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * How the desk's packages may lean on each other. Every rule runs over packages that exist, so none allows an empty
 * selection: a renamed or vanished package fails the rule instead of passing it unchecked.
 */
@AnalyzeClasses(packages = "com.venuedesk.desk", importOptions = ImportOption.DoNotIncludeTests.class)
class DeskArchitectureTest {

    private static final String[] SCENE_GRAPH = {"javafx.scene..", "javafx.stage..", "javafx.embed..", "com.calendarfx..",
            "org.controlsfx..", "atlantafx.."};

    /** A top-level class named {@code *ViewModel}, with its nested and anonymous classes. */
    private static final DescribedPredicate<JavaClass> VIEW_MODELS = DescribedPredicate.describe(
            "a *ViewModel (with its nested classes)", c -> topLevelSimpleName(c).endsWith("ViewModel"));

    /** The server's classes but its wire format (com.venuedesk.server.wire.Json is the JSON both sides speak). */
    private static final DescribedPredicate<JavaClass> SERVER_CLASSES_BUT_THE_WIRE_FORMAT = DescribedPredicate.describe(
            "a class of the server outside com.venuedesk.server.wire",
            c -> c.getPackageName().startsWith("com.venuedesk.server")
                    && !c.getPackageName().startsWith("com.venuedesk.server.wire"));

    @ArchTest
    static final ArchRule featurePackagesOfTheDeskDependOnEachOtherWithoutCycles = slices()
            .matching("com.venuedesk.desk.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule viewModelsHoldStateInPropertiesAndNeverTouchTheSceneGraph = noClasses().that(VIEW_MODELS)
            .should().dependOnClassesThat().resideInAnyPackage(SCENE_GRAPH)
            .because("a view model is tested without a window; javafx.beans and javafx.collections are its vocabulary");

    @ArchTest
    static final ArchRule theStoreAndTheSyncEngineRunWithoutJavaFx = noClasses()
            .that().resideInAnyPackage("com.venuedesk.desk.store..", "com.venuedesk.desk.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.calendarfx..", "org.controlsfx..", "atlantafx..");

    @ArchTest
    static final ArchRule calendarFxStaysInTheCalendarFeature = noClasses()
            .that().resideOutsideOfPackage("com.venuedesk.desk.calendar..")
            .should().dependOnClassesThat().resideInAPackage("com.calendarfx..");

    @ArchTest
    static final ArchRule onlyTheCompositionRootHostsTheServerInProcess = noClasses()
            .that().doNotHaveFullyQualifiedName("com.venuedesk.desk.AppContext")
            .should().dependOnClassesThat(SERVER_CLASSES_BUT_THE_WIRE_FORMAT)
            .because("the desk talks to a server, in process or not, over HTTP; only AppContext starts the embedded one");

    private static String topLevelSimpleName(JavaClass c) {
        String name = c.getName().substring(c.getPackageName().isEmpty() ? 0 : c.getPackageName().length() + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }
}
