package com.venuedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.testing.ChildJvm;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --exit-when-synced}, the run IT uses to check an installation and the installer uses to record the desk's
 * class-data-sharing archive: the real launcher in a JVM of its own, on a new PC's empty home.
 */
class SmokeRunIT {
    private static final String HEADLESS = "-Dprism.order=sw -Dglass.platform=Monocle -Dmonocle.platform=Headless"
            + " -Djava.awt.headless=true";

    @Test
    void exitWhenSyncedSetsUpTheEmbeddedVenueAndQuitsAndExitWhenReadyQuitsWithTheCalendarUpBootingNeitherServerNorHibernate(@TempDir Path home)
            throws Exception {
        try (ChildJvm desk = ChildJvm.start("smoke-run", Launcher.class, Map.of("JAVA_TOOL_OPTIONS", HEADLESS),
                List.of("--home=" + home, "--demo", "--exit-when-synced"))) {
            desk.await(line -> line.contains("desk ready in"), Duration.ofMinutes(3), "desk ready");
            desk.await(line -> line.contains("quitting as asked (--exit-when-synced)"), Duration.ofMinutes(1),
                    "its quit after the first sync");
            // nothing (say, a server's pool thread) keeps the JVM alive after the window closed
            assertThat(desk.waitForExit(Duration.ofSeconds(30))).isZero();
        }

        // the next start on this PC, as the installer's training run: quits with the calendar up, having booted neither
        // the embedded server nor the store's Hibernate (which a start does after its first screen)
        try (ChildJvm desk = ChildJvm.start("ready-run", Launcher.class, Map.of("JAVA_TOOL_OPTIONS", HEADLESS),
                List.of("--home=" + home, "--demo", "--exit-when-ready"))) {
            desk.await(line -> line.contains("quitting as asked (--exit-when-ready)"), Duration.ofMinutes(2),
                    "its quit once the calendar is up");
            assertThat(desk.waitForExit(Duration.ofSeconds(30))).isZero();
            assertThat(desk.output()).anyMatch(line -> line.contains("desk ready in"))
                    .noneMatch(line -> line.contains("Embedded server at"))
                    .noneMatch(line -> line.contains("Hibernate booted"));
        }

        // what the sync brought stays in the desk's store: the demo venue's resources and its week of bookings
        try (DeskStore store = DeskStore.open(home.resolve("desk"))) {
            LocalBookings local = new LocalBookings(store, Clock.systemUTC(), UUID.randomUUID());
            assertThat(local.resources()).hasSizeGreaterThan(1);
            assertThat(local.localBookingsBetween(Instant.now().minus(Duration.ofDays(14)), Instant.now().plus(Duration.ofDays(14))))
                    .isNotEmpty();
        }
    }
}
