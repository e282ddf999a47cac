package com.venuedesk.desk.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.simulation.DeskLedger;
import com.venuedesk.desk.simulation.ServerLedger;
import com.venuedesk.desk.testing.ChildJvm;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.sync.MutationOutcome;
import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ServerUnderTest;
import com.venuedesk.server.testing.SharedPostgres;
import com.venuedesk.server.wire.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A desk app in its own JVM is killed with SIGKILL in the middle of pushing its offline bookings, three times, and
 * restarted on the same data directory each time: the server ends up with every booking exactly once and the desk's
 * outbox is empty.
 */
class DeskCrashIT {
    private static final Logger log = LoggerFactory.getLogger(DeskCrashIT.class);
    private static final int BOOKINGS = 150;
    private static final int KILLS = 3;

    @Test
    void aDeskKilledMidPushThreeTimesResumesFromItsStoreAndEveryOfflineBookingIsOnTheServerExactlyOnce(@TempDir Path dir)
            throws Exception {
        SharedPostgres.PgDatabase pg = SharedPostgres.freshDatabase();
        ServerConfig config = ServerConfig.embedded(dir.resolve("server")).withAdminPassword(ServerUnderTest.ADMIN_PASSWORD)
                .withDatabase(pg.url(), pg.user(), pg.password());
        ServerLedger server = new ServerLedger(pg.url(), pg.user(), pg.password());
        try (VenueDeskServer running = VenueDeskServer.start(config)) {
            Venue venue = new Venue(running);
            String room = venue.resource("Crash Hall");
            String guest = venue.customer("Ada Lovelace");
            venue.staff("crashdesk", Role.FRONT_DESK);
            Path deskDir = dir.resolve("desk");
            Instant firstStart = LocalDate.now(ZoneOffset.UTC).plusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC);
            List<String> args = List.of(deskDir.toString(), running.baseUri().toString(), "crashdesk", "crashdesk-password",
                    String.valueOf(BOOKINGS), room, guest, firstStart.toString());

            int settledBefore = BOOKINGS;
            int midPush = 0;
            for (int kill = 1; kill <= KILLS; kill++) {
                try (ChildJvm desk = ChildJvm.start("desk-run-" + kill, CrashableDesk.class, Map.of(), args)) {
                    desk.await(l -> l.startsWith("RECORDED ") || l.startsWith("RESUMED "), Duration.ofSeconds(60), "its outbox");
                    desk.await(l -> l.equals("PUSH STARTED"), Duration.ofSeconds(30), "PUSH STARTED");
                    int threshold = settledBefore - 2 * CrashableDesk.PUSH_BATCH;
                    // a settled batch was just printed; the next push request is on its way when the kill lands
                    String line = desk.await(l -> l.startsWith("PENDING ") && pendingOf(l) <= threshold,
                            Duration.ofSeconds(60), "PENDING <= " + threshold);
                    // kill while the server applies the next batch: it has more than the desk has heard of
                    long settled = BOOKINGS - pendingOf(line);
                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    while (server.journalCount() <= settled && System.nanoTime() < deadline) {
                        Thread.sleep(1);
                    }
                    desk.kill();
                }
                Thread.sleep(300); // the server finishes the request the dead desk sent
                DeskLedger afterKill = DeskLedger.read(deskDir);
                long onServer = server.journalCount();
                log.info("Kill {}: the desk had settled {} of {} mutations, the server had applied {}", kill,
                        afterKill.count("APPLIED"), BOOKINGS, onServer);
                assertThat(afterKill.outbox()).as("the outbox survives kill -9").hasSize(BOOKINGS);
                assertThat(onServer).as("the server has what the desk settled").isGreaterThanOrEqualTo(afterKill.count("APPLIED"));
                midPush += onServer > afterKill.count("APPLIED") ? 1 : 0;
                settledBefore = (int) afterKill.count("PENDING");
            }

            try (ChildJvm desk = ChildJvm.start("desk-final", CrashableDesk.class, Map.of(), args)) {
                desk.await(l -> l.equals("DONE"), Duration.ofSeconds(90), "DONE");
                assertThat(desk.waitForExit(Duration.ofSeconds(30))).isZero();
            }

            DeskLedger desk = DeskLedger.read(deskDir);
            log.info("{} of {} kills landed between the server applying a batch and the desk settling it", midPush, KILLS);
            assertThat(midPush).as("kills that left the server ahead of the desk (retries answered Duplicate)").isPositive();
            assertThat(desk.outbox()).hasSize(BOOKINGS);
            assertThat(desk.count("APPLIED")).as("outbox empty: every mutation applied").isEqualTo(BOOKINGS);
            assertThat(desk.conflictKinds()).isEmpty();
            assertExactlyOnce(server, desk, UUID.fromString(room));
        }
    }

    static void assertExactlyOnce(ServerLedger server, DeskLedger desk, UUID room) {
        Map<UUID, ServerLedger.ServerBooking> bookings = server.bookings();
        Set<UUID> recorded = desk.outbox().values().stream().map(DeskLedger.OutboxEntry::entityId).collect(Collectors.toSet());
        assertThat(recorded).hasSize(BOOKINGS);
        assertThat(bookings.keySet()).as("every offline booking, and nothing else, is on the server").isEqualTo(recorded);
        assertThat(bookings.values()).allSatisfy(b -> {
            assertThat(b.resourceId()).isEqualTo(room);
            assertThat(b.status()).isEqualTo("CONFIRMED");
            assertThat(b.revision()).as("created once, never re-applied").isEqualTo(1);
        });
        Map<UUID, ServerLedger.JournalEntry> journal = server.journal();
        assertThat(journal.keySet()).isEqualTo(desk.outbox().keySet());
        long[] rowsAndDistinct = server.journalRowsAndDistinctIds();
        assertThat(rowsAndDistinct[0]).isEqualTo(BOOKINGS).isEqualTo(rowsAndDistinct[1]);
        var mapper = Json.newMapper();
        assertThat(journal.values()).allSatisfy(j ->
                assertThat(mapper.readValue(j.outcome(), MutationOutcome.class)).isInstanceOf(MutationOutcome.Applied.class));
        assertThat(server.changeLogRowsPerBooking().values()).as("one change per booking").containsOnly(1L);
    }

    private static int pendingOf(String line) {
        return Integer.parseInt(line.substring("PENDING ".length()).trim());
    }
}
