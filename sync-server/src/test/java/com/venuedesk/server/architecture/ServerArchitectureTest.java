package com.venuedesk.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import com.tngtech.archunit.library.freeze.ViolationLineMatcher;
import com.venuedesk.server.api.ApiException;

/**
 * How the server's packages may lean on each other. Each feature package (auth, booking, customers, resources, sync,
 * and whatever comes next) has a {@code *Api} class that registers its routes and parses requests, and services,
 * stores and commands that know nothing of HTTP; {@code api} is the HTTP layer (route table, request parsing, problem
 * mapping); {@code persistence} is what every feature builds on; {@code com.venuedesk.server} itself is the
 * composition root. Services refuse with {@link ApiException}, a plain exception that carries a status and a problem
 * type and that only {@code ProblemMapper} turns into HTTP, so it is the one class of the api package they may use.
 */
@AnalyzeClasses(packages = "com.venuedesk.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

    private static final String API_LAYER = "com.venuedesk.server.api..";
    private static final String COMPOSITION_ROOT = "com.venuedesk.server.VenueDeskServer";
    private static final String[] HTTP_FRAMEWORK = {"io.javalin..", "jakarta.servlet..", "org.eclipse.jetty.."};

    /** A feature's route class: a top-level class named {@code *Api}, with its nested and anonymous classes. */
    private static final DescribedPredicate<JavaClass> ROUTE_CLASSES = DescribedPredicate.describe(
            "a feature's *Api route class", c -> topLevelSimpleName(c).endsWith("Api"));

    /** The api layer less ApiException: RouteTable, Requests, ProblemMapper, OperationsApi, OpenApiDocument, ... */
    private static final DescribedPredicate<JavaClass> HTTP_CLASSES_OF_THE_API_LAYER = DescribedPredicate.describe(
            "an HTTP class of the api layer (any class in ..server.api.. but ApiException)",
            c -> c.getPackageName().startsWith("com.venuedesk.server.api")
                    && !c.getName().equals(ApiException.class.getName())
                    && !c.getName().startsWith(ApiException.class.getName() + "$"));

    /**
     * Frozen, like every cycle that existed when the rule came in (src/test/resources/archunit_store): api and auth
     * (RouteTable guards routes with auth's AccessTokenVerifier and Principal, auth's routes use RouteTable), and sync
     * with booking, customers and resources (every feature appends to sync's ChangeLog, and sync's push and pull
     * reach into the features). A cycle is told apart by its path of slices alone, so that one more call along a
     * frozen cycle does not count as new, while any other cycle, such as one through a new package, fails.
     */
    @ArchTest
    static final ArchRule featurePackagesOfTheServerDependOnEachOtherWithoutCycles = FreezingArchRule
            .freeze(slices().matching("com.venuedesk.server.(*)..").should().beFreeOfCycles())
            .associateViolationLinesVia(ServerArchitectureTest::sameCycle);

    @ArchTest
    static final ArchRule onlyTheApiLayerTheRouteClassesAndTheCompositionRootDependOnJavalinOrTheServletContainer = noClasses()
            .that().resideOutsideOfPackage(API_LAYER)
            .and(DescribedPredicate.not(ROUTE_CLASSES))
            .and().doNotHaveFullyQualifiedName(COMPOSITION_ROOT)
            .should().dependOnClassesThat().resideInAnyPackage(HTTP_FRAMEWORK)
            .because("services, stores, commands and persistence run the same whether a request, a test or a job calls them");

    @ArchTest
    static final ArchRule servicesStoresCommandsAndPersistenceNeverUseTheRouteTableOrRequestParsing = noClasses()
            .that().resideOutsideOfPackage(API_LAYER)
            .and(DescribedPredicate.not(ROUTE_CLASSES))
            .and().doNotHaveFullyQualifiedName(COMPOSITION_ROOT)
            .should().dependOnClassesThat(HTTP_CLASSES_OF_THE_API_LAYER)
            .because("only *Api classes take requests apart; a service refuses with ApiException, which is plain Java");

    @ArchTest
    static final ArchRule persistenceKnowsNeitherTheHttpLayerNorApiException = noClasses()
            .that().resideInAPackage("com.venuedesk.server.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage(HTTP_FRAMEWORK)
            .orShould().dependOnClassesThat().resideInAPackage(API_LAYER);

    @ArchTest
    static final ArchRule theServerNeverTouchesJavaFx = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "com.calendarfx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule theWireFormatDependsOnJacksonAlone = noClasses().that().resideInAPackage("com.venuedesk.server.wire..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.hibernate..", "jakarta.persistence..",
                    API_LAYER, "com.venuedesk.server.persistence..");

    @ArchTest
    static final ArchRule onlyTheCompositionRootWiresTheServer = noClasses()
            .that().resideOutsideOfPackage("com.venuedesk.server")
            .should().dependOnClassesThat().haveFullyQualifiedName(COMPOSITION_ROOT);

    private static String topLevelSimpleName(JavaClass c) {
        String name = c.getName().substring(c.getPackageName().isEmpty() ? 0 : c.getPackageName().length() + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    /** A {@link ViolationLineMatcher} for cycles: "Cycle detected: Slice a -> Slice b -> Slice a", details left out. */
    private static boolean sameCycle(String stored, String actual) {
        return cyclePath(stored).equals(cyclePath(actual));
    }

    private static String cyclePath(String violation) {
        int details = violation.indexOf("1. Dependencies of");
        String path = details < 0 ? violation : violation.substring(0, details);
        return path.replaceAll("\\s+", " ").trim();
    }
}
