package com.venuedesk.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL only: the database itself refuses double bookings, even behind the service's back. */
class ExclusionConstraintIT {

    @Test
    void postgresqlRefusesAnOverlappingActiveBookingWrittenWithRawSqlButNotOneBesideACancelledBooking(@TempDir Path dir)
            throws SQLException {
        try (VenueDeskServer server = ServerUnderTest.start(ServerUnderTest.Db.POSTGRESQL, dir)) {
            Venue venue = new Venue(server);
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");
            String held = venue.admin.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z")).json().get("id").asText();

            try (Connection c = server.database().dataSource().getConnection()) {
                assertThatThrownBy(() -> insert(c, room, guest, "2026-12-06T09:30:00Z", "2026-12-06T10:30:00Z", "CONFIRMED"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23P01"));
                assertThatThrownBy(() -> insert(c, room, guest, "2026-12-06T09:59:00Z", "2026-12-06T11:00:00Z", "PENDING"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23P01"));
                insert(c, room, guest, "2026-12-06T10:00:00Z", "2026-12-06T11:00:00Z", "CONFIRMED");
                insert(c, room, guest, "2026-12-06T09:30:00Z", "2026-12-06T10:30:00Z", "CANCELLED");
            }
            ApiClient.Reply cancel = venue.admin.post("/api/v1/bookings/" + held + "/cancel", "");
            assertThat(cancel.status()).isEqualTo(200);
            try (Connection c = server.database().dataSource().getConnection()) {
                insert(c, room, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z", "CONFIRMED");
            }
        }
    }

    @Test
    void anOverlapOnlyTheDatabaseSeesStillAnswers409Overlap(@TempDir Path dir) throws SQLException {
        try (VenueDeskServer server = ServerUnderTest.start(ServerUnderTest.Db.POSTGRESQL, dir)) {
            Venue venue = new Venue(server);
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");
            try (Connection c = server.database().dataSource().getConnection()) {
                // a tombstoned row is invisible to the service's check but, being CONFIRMED, not to the constraint
                UUID hidden = insert(c, room, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z", "CONFIRMED");
                try (PreparedStatement s = c.prepareStatement("UPDATE booking SET deleted = TRUE WHERE id = ?")) {
                    s.setObject(1, hidden);
                    s.executeUpdate();
                }
            }
            ApiClient.Reply refused = venue.admin.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-06T09:30:00Z", "2026-12-06T10:30:00Z"));
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asText()).endsWith("/overlap");
            assertThat(refused.json().has("conflicts")).isTrue();
            assertThat(refused.json().has("alternatives")).isTrue();
            assertThat(venue.admin.get("/api/v1/bookings?resourceId=" + room).json()).isEmpty();
        }
    }

    private static UUID insert(Connection c, String resource, String customer, String start, String end, String status)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO booking (id, resource_id, customer_id, start_at, end_at,"
                + " status, created_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, 1)")) {
            s.setObject(1, id);
            s.setObject(2, UUID.fromString(resource));
            s.setObject(3, UUID.fromString(customer));
            s.setTimestamp(4, Timestamp.from(Instant.parse(start)));
            s.setTimestamp(5, Timestamp.from(Instant.parse(end)));
            s.setString(6, status);
            s.setTimestamp(7, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
        return id;
    }
}
