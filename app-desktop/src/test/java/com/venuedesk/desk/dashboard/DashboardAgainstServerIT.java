package com.venuedesk.desk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.sync.SyncClient;
import com.venuedesk.model.domain.Role;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's figures as the desk reads them from a real server over HTTP: the whole venue, and one resource
 * alone, with booked-vs-used and lead time, through the same client and sign-in the desk uses.
 */
class DashboardAgainstServerIT {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @Test
    void aManagerSeesTheVenuesFiguresAndOneResourceAloneAsTheServerComputesThem(@TempDir Path dir) throws Exception {
        try (VenueDeskServer server = ServerUnderTest.start(ServerUnderTest.Db.H2, dir.resolve("server"))) {
            Venue venue = new Venue(server);
            String roomA = venue.resource("Room A");
            String roomB = venue.resource("Room B");
            String guest = venue.customer("Ada Lovelace");
            book(venue.admin, roomA, guest, "2027-02-01T09:00:00Z", "2027-02-01T10:00:00Z");
            book(venue.admin, roomA, guest, "2027-02-02T09:00:00Z", "2027-02-02T10:00:00Z");
            book(venue.admin, roomB, guest, "2027-02-01T09:00:00Z", "2027-02-01T09:30:00Z");
            venue.staff("mia", Role.MANAGER);

            // the desk's "today" is after the bookings, so that the last 30 days hold them
            Clock deskClock = Clock.fixed(Instant.parse("2027-02-10T12:00:00Z"), ZoneOffset.UTC);
            try (SyncClient client = new SyncClient(server.baseUri().toString(), Duration.ofSeconds(5),
                    Duration.ofSeconds(10), UUID.randomUUID())) {
                client.login("mia", "mia-password");
                AnalyticsClient analytics = new AnalyticsClient(client, deskClock);

                DashboardFigures venueWide = analytics.fetch(DashboardPeriod.LAST_30_DAYS, null, null, ZONE, p -> { });
                assertThat(venueWide.kpis().bookingsInPeriod()).isEqualTo(3);
                assertThat(venueWide.kpis().used().bookedMinutes()).isEqualTo(150);
                assertThat(venueWide.kpis().leadTimeHours()).as("made now, starting in February 2027").isPositive();
                assertThat(venueWide.resources()).extracting(DashboardFigures.ResourceBar::name)
                        .contains("Room A", "Room B");

                DashboardFigures oneRoom = analytics.fetch(DashboardPeriod.LAST_30_DAYS, null, UUID.fromString(roomA),
                        ZONE, p -> { });
                assertThat(oneRoom.resourceId()).isEqualTo(UUID.fromString(roomA));
                assertThat(oneRoom.kpis().bookingsInPeriod()).isEqualTo(2);
                assertThat(oneRoom.kpis().used().bookedMinutes()).isEqualTo(120);
                assertThat(oneRoom.resources()).extracting(DashboardFigures.ResourceBar::name).containsExactly("Room A");
                assertThat(oneRoom.trend().stream().mapToLong(DashboardFigures.TrendPoint::bookings).sum()).isEqualTo(2);
            }
        }
    }

    private static void book(ApiClient admin, String room, String guest, String start, String end) {
        ApiClient.Reply r = admin.post("/api/v1/bookings", Venue.booking(null, room, guest, start, end));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
