package com.venuedesk.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.sync.Change;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.history.Cursor;
import com.venuedesk.server.booking.BookingEntity;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** GET /api/v1/sync/pull over real HTTP, on H2 and PostgreSQL. */
class SyncPullIT {

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void pullingPageByPageDeliversEveryChangeInOrderWithTombstonesAndCurrentRecords(ServerUnderTest.Db db,
                                                                                   @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            String room = venue.resource("Room A");
            String gone = venue.resource("Room B");
            assertThat(venue.admin.delete("/api/v1/resources/" + gone).status()).isIn(200, 204);
            ApiClient.Reply rule = venue.admin.post("/api/v1/resources/" + room + "/availability-rules",
                    Map.of("dayOfWeek", "MONDAY", "startTime", "08:00", "endTime", "20:00"));
            String ruleId = rule.json().get("id").asText();
            assertThat(venue.admin.delete("/api/v1/resources/" + room + "/availability-rules/" + ruleId).status()).isIn(200, 204);
            ApiClient.Reply blackout = venue.admin.post("/api/v1/blackouts",
                    Map.of("startDate", "2026-12-24", "endDate", "2026-12-26", "reason", "holidays"));
            assertThat(blackout.status()).as(blackout.body()).isEqualTo(201);
            String guest = venue.customer("Ada Lovelace");
            ApiClient.Reply booking = venue.admin.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z"));
            String bookingId = booking.json().get("id").asText();
            assertThat(venue.admin.post("/api/v1/bookings/" + bookingId + "/cancel", "{}").status()).isEqualTo(200);
            long logged = SyncDesk.count(server, "change_log");
            assertThat(logged).isEqualTo(9);
            SyncDesk desk = new SyncDesk(venue.staff("desk1", Role.FRONT_DESK), "desk-1");

            List<PullAnswer> pages = new ArrayList<>();
            String cursor = null;
            do {
                PullAnswer page = desk.pull(cursor, 2);
                pages.add(page);
                cursor = page.nextCursor();
            } while (pages.get(pages.size() - 1).hasMore());

            assertThat(pages).hasSize(5);
            assertThat(pages.get(0).remaining()).isEqualTo(logged - 2);
            assertThat(pages.get(3).remaining()).isEqualTo(1);
            assertThat(pages.get(4).remaining()).isZero();
            List<Change> all = pages.stream().flatMap(p -> p.changes().stream()).toList();
            List<Cursor> cursors = all.stream().map(c -> Cursor.parse(c.cursor())).toList();
            assertThat(cursors).isSorted().doesNotHaveDuplicates();
            Map<String, Change> last = new LinkedHashMap<>();
            all.forEach(c -> last.put(c.entityId().toString(), c));

            Change tombstone = last.get(gone);
            assertThat(tombstone.deleted()).isTrue();
            assertThat(tombstone.entityType()).isEqualTo(EntityType.RESOURCE);
            assertThat(((Resource) tombstone.entity()).name()).isEqualTo("Room B");
            Change ruleTombstone = last.get(ruleId);
            assertThat(ruleTombstone.deleted()).isTrue();
            assertThat(((AvailabilityRule) ruleTombstone.entity()).resourceId().toString()).isEqualTo(room);
            assertThat(((Resource) last.get(room).entity()).name()).isEqualTo("Room A");
            assertThat(((Blackout) last.get(blackout.json().get("id").asText()).entity()).reason()).isEqualTo("holidays");
            assertThat(((Customer) last.get(guest).entity()).name()).isEqualTo("Ada Lovelace");
            Change bookingChange = last.get(bookingId);
            assertThat(bookingChange.revision()).isEqualTo(2);
            assertThat(((Booking) bookingChange.entity()).status()).isEqualTo(BookingStatus.CANCELLED);

            PullAnswer nothingNew = desk.pull(cursor, 2);
            assertThat(nothingNew.changes()).isEmpty();
            assertThat(nothingNew.hasMore()).isFalse();
            assertThat(nothingNew.nextCursor()).isEqualTo(cursor);

            PullAnswer whole = desk.pull(null, 500);
            assertThat(whole.hasMore()).isFalse();
            assertThat(whole.changes()).as("a record changed twice in one page comes once").hasSize(6);
            assertThat(whole.nextCursor()).isEqualTo(cursor);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void pulledBookingsAreTheRecordsTheBookingEntitiesHold(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");
            Map<String, Object> withNotes = new LinkedHashMap<>(
                    Venue.booking(null, room, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:30:00Z"));
            withNotes.put("notes", "projector, vegan lunch for 6");
            String kept = venue.admin.post("/api/v1/bookings", withNotes).json().get("id").asText();
            String cancelled = venue.admin.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-07T09:00:00Z", "2026-12-07T10:00:00Z")).json().get("id").asText();
            assertThat(venue.admin.post("/api/v1/bookings/" + cancelled + "/cancel", Map.of("reason", "guest ill"))
                    .status()).isEqualTo(200);
            SyncDesk desk = new SyncDesk(venue.staff("desk1", Role.FRONT_DESK), "desk-1");

            List<Booking> pulled = desk.pull(null, 500).changes().stream().map(Change::entity)
                    .filter(e -> e instanceof Booking).map(e -> (Booking) e).toList();

            assertThat(pulled).hasSize(2);
            for (Booking booking : pulled) {
                Booking stored = server.database().inTransaction(
                        s -> s.find(BookingEntity.class, booking.id()).toBooking());
                assertThat(booking).isEqualTo(stored);
            }
            assertThat(pulled).extracting(Booking::notes).contains("projector, vegan lunch for 6");
            assertThat(pulled).extracting(Booking::statusReason).contains("guest ill");
            assertThat(pulled).allSatisfy(b -> assertThat(b.price()).isNotNull());
            assertThat(pulled).extracting(b -> b.id().toString()).containsExactlyInAnyOrder(kept, cancelled);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aCursorTheServerNeverHandedOutIsRefusedNamingSince(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            ApiClient desk = venue.staff("desk1", Role.FRONT_DESK);
            Venue.assertProblem(desk.get("/api/v1/sync/pull?since=not-a-cursor"), 400, "since");
            Venue.assertProblem(desk.get("/api/v1/sync/pull?since=" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("v1:-1:4".getBytes(java.nio.charset.StandardCharsets.US_ASCII))), 400, "since");
            Venue.assertProblem(desk.get("/api/v1/sync/pull?limit=0"), 400, "limit");
            assertThat(venue.anonymous.get("/api/v1/sync/pull").status()).isEqualTo(401);
            assertThat(desk.get("/api/v1/sync/pull").status()).isEqualTo(200);
        }
    }
}
