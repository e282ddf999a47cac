package com.venuedesk.desk.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.store.CredentialCache;
import com.venuedesk.desk.sync.SyncClient;
import com.venuedesk.desk.testing.Venue;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.sync.AuditEntry;
import com.venuedesk.model.sync.HistoryAction;
import com.venuedesk.model.sync.Mutation;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The online path (parsing the documented audit answer) and the offline fallbacks, on a real local store. */
class DeskBookingHistoryTest {
    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final AuditWire wire = new AuditWire();
    private final String otherDesk = UUID.randomUUID().toString();
    private Venue venue;
    private SyncClient client;

    @BeforeEach
    void managerSignedInAtADesk() throws Exception {
        server.setDispatcher(wire);
        server.start(InetAddress.getLoopbackAddress(), 0);
        venue = new Venue(dir);
        client = new SyncClient(server.url("/").toString(), Duration.ofSeconds(1), Duration.ofSeconds(2), venue.store.deviceId());
        client.login(AuditWire.USERNAME, AuditWire.PASSWORD);
        wire.history = AuditWire.bookedMovedCancelled(venue.adaInRoomA.id(), venue.store.deviceId().toString(), otherDesk,
                venue.roomA.id(), venue.roomB.id());
    }

    @AfterEach
    void stop() {
        client.close();
        venue.close();
        server.close();
    }

    private DeskBookingHistory history(boolean mayReadAudit) {
        return new DeskBookingHistory(new HistoryClient(client), venue.store, venue.bookings, new CredentialCache(venue.store),
                Venue.CLOCK, mayReadAudit);
    }

    @Test
    void onlineTheServersEntriesAreReadAsDocumentedAndKeptForLater() throws Exception {
        BookingHistory shown = history(true).load(venue.adaInRoomA.id());

        assertThat(shown.source()).isEqualTo(BookingHistory.Source.SERVER);
        assertThat(shown.complete()).isTrue();
        assertThat(shown.asOf()).isEqualTo(Venue.NOW);
        assertThat(shown.entries()).extracting(AuditEntry::action).containsExactly(HistoryAction.CANCELLED,
                HistoryAction.RESOURCE_CHANGED, HistoryAction.RESCHEDULED, HistoryAction.CREATED);
        AuditEntry moved = shown.entries().get(1);
        assertThat(moved.at()).isEqualTo(Instant.parse("2026-12-01T15:30:00Z"));
        assertThat(moved.actor().username()).isEqualTo("dana");
        assertThat(moved.pushedBy().username()).isEqualTo("lee");
        assertThat(moved.deviceId()).isEqualTo(venue.store.deviceId().toString());
        assertThat(moved.details()).containsEntry("toResourceId", venue.roomB.id().toString());
        assertThat(shown.entries().get(0).reason()).isEqualTo("guest called");
        assertThat(shown.entries().get(3).actor()).isNull();
        assertThat(shown.resourceNames()).containsEntry(venue.roomB.id(), "Room B");
        assertThat(venue.store.cachedHistory(venue.adaInRoomA.id())).hasValueSatisfying(kept ->
                assertThat(kept.entries()).isEqualTo(shown.entries()));

        RecordedRequest asked = wire.auditRequests.get(0);
        assertThat(asked.getUrl().queryParameter("entityId")).isEqualTo(venue.adaInRoomA.id().toString());
        assertThat(asked.getUrl().queryParameter("limit")).isEqualTo("100");
        assertThat(asked.getHeaders().get("X-Device-Id")).isEqualTo(venue.store.deviceId().toString());
    }

    @Test
    void offlineTheLastFetchedHistoryIsShownWithItsDateAndTheBookingsChangesNotYetSent() {
        history(true).load(venue.adaInRoomA.id());
        UUID clerk = UUID.randomUUID();
        new CredentialCache(venue.store).remember("dana", "secret", clerk, Role.FRONT_DESK);
        new com.venuedesk.desk.store.LocalBookings(venue.store, Venue.CLOCK, clerk)
                .reschedule(venue.adaInRoomA.id(), venue.roomA.id(), Venue.at(12, 13));
        wire.auditStatus = 503;

        BookingHistory shown = history(true).load(venue.adaInRoomA.id());

        assertThat(shown.source()).isEqualTo(BookingHistory.Source.OFFLINE_CACHED);
        assertThat(shown.asOf()).isEqualTo(Venue.NOW);
        assertThat(shown.entries()).hasSize(4);
        assertThat(shown.pending()).singleElement().satisfies(change -> {
            assertThat(change.clerk()).isEqualTo("dana");
            assertThat(change.mutation()).isInstanceOf(Mutation.RescheduleBooking.class);
        });
    }

    @Test
    void aFrontDeskAccountRefusedTheHistoryIsToldItIsForManagersAndShownOnlyTheDesksOwnChanges() {
        history(true).load(venue.adaInRoomA.id());
        wire.auditStatus = 403;

        BookingHistory shown = history(false).load(venue.adaInRoomA.id());

        assertThat(shown.source()).isEqualTo(BookingHistory.Source.MANAGERS_ONLY);
        assertThat(shown.entries()).isEmpty();
    }

    @Test
    void offlineAFrontDeskAccountIsNotShownTheHistoryAManagerFetchedAtThisDesk() {
        history(true).load(venue.adaInRoomA.id());
        server.close();

        BookingHistory shown = history(false).load(venue.adaInRoomA.id());

        assertThat(shown.source()).isEqualTo(BookingHistory.Source.OFFLINE);
        assertThat(shown.entries()).isEmpty();
    }
}
