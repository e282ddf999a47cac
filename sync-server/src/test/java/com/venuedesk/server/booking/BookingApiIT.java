package com.venuedesk.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.model.domain.Role;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BookingApiIT {

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aBookingIsTakenListedRescheduledCheckedInAndCompleted(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            ApiClient desk = venue.staff("desk", Role.FRONT_DESK);
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");

            // Sunday: outside peak hours, so 1 h x 40.00
            ApiClient.Reply created = desk.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode b = created.json();
            String id = b.get("id").asText();
            assertThat(b.get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(b.get("revision").asLong()).isEqualTo(1);
            assertThat(b.at("/price/amount").asText()).isEqualTo("40.00");
            assertThat(b.at("/price/currency").asText()).isEqualTo("EUR");
            assertThat(b.get("start").asText()).isEqualTo("2026-12-06T09:00:00Z");
            assertThat(b.get("provisional").asBoolean()).isFalse();
            assertThat(b.get("notes").asText()).isEqualTo("projector please");

            ApiClient.Reply list = desk.get("/api/v1/bookings?resourceId=" + room + "&from=2026-12-06T00:00:00Z&to=2026-12-07T00:00:00Z");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().isArray()).isTrue();
            assertThat(list.json()).hasSize(1);
            assertThat(list.json().get(0).get("id").asText()).isEqualTo(id);
            assertThat(desk.get("/api/v1/bookings?resourceId=" + room + "&from=2026-12-06T10:00:00Z&to=2026-12-07T00:00:00Z").json())
                    .as("a booking ending at 10:00 is not in a range starting at 10:00").isEmpty();

            ApiClient.Reply moved = desk.put("/api/v1/bookings/" + id,
                    "{\"start\":\"2026-12-06T11:00:00Z\",\"end\":\"2026-12-06T13:00:00Z\",\"revision\":1}");
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(moved.json().get("revision").asLong()).isEqualTo(2);
            assertThat(moved.json().get("start").asText()).isEqualTo("2026-12-06T11:00:00Z");
            assertThat(moved.json().at("/price/amount").asText()).isEqualTo("80.00");

            ApiClient.Reply stale = desk.put("/api/v1/bookings/" + id,
                    "{\"start\":\"2026-12-06T15:00:00Z\",\"end\":\"2026-12-06T16:00:00Z\",\"revision\":1}");
            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.contentType()).startsWith("application/problem+json");
            assertThat(stale.json().at("/current/revision").asLong()).isEqualTo(2);
            assertThat(stale.json().at("/current/start").asText()).isEqualTo("2026-12-06T11:00:00Z");

            ApiClient.Reply checkedIn = desk.post("/api/v1/bookings/" + id + "/check-in", "");
            assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
            assertThat(checkedIn.json().get("checkedInAt").isNull()).isFalse();
            assertThat(checkedIn.json().get("revision").asLong()).isEqualTo(3);

            ApiClient.Reply completed = desk.post("/api/v1/bookings/" + id + "/complete", "{}");
            assertThat(completed.status()).isEqualTo(200);
            assertThat(completed.json().get("status").asText()).isEqualTo("COMPLETED");

            ApiClient.Reply refused = desk.post("/api/v1/bookings/" + id + "/cancel", "{\"reason\":\"changed mind\"}");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("type").asText()).endsWith("/invalid-transition");
            assertThat(refused.json().get("detail").asText()).contains("COMPLETED").contains("final");

            JsonNode stored = desk.get("/api/v1/bookings/" + id).json();
            assertThat(stored.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(stored.get("revision").asLong()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void cancellingWithAReasonFreesTheSlotAndNoShowOnlyFollowsConfirmed(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");
            String first = venue.admin.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z")).json().get("id").asText();

            ApiClient.Reply cancelled = venue.admin.post("/api/v1/bookings/" + first + "/cancel", "{\"reason\":\"flu\"}");
            assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
            assertThat(cancelled.json().get("statusReason").asText()).isEqualTo("flu");

            ApiClient.Reply again = venue.admin.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z"));
            assertThat(again.status()).as("a cancelled booking does not hold the slot").isEqualTo(201);

            ApiClient.Reply noShow = venue.admin.post("/api/v1/bookings/" + again.json().get("id").asText() + "/no-show", "");
            assertThat(noShow.json().get("status").asText()).isEqualTo("NO_SHOW");
            ApiClient.Reply checkInAfterNoShow = venue.admin.post("/api/v1/bookings/" + again.json().get("id").asText() + "/check-in", "");
            assertThat(checkInAfterNoShow.status()).isEqualTo(409);
            assertThat(checkInAfterNoShow.json().get("type").asText()).endsWith("/invalid-transition");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void anOverlapAnswers409WithTheConflictsAndFreeAlternativesWhileTouchingSlotsAreFine(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");
            String held = venue.admin.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z")).json().get("id").asText();

            ApiClient.Reply overlap = venue.admin.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-06T09:30:00Z", "2026-12-06T10:30:00Z"));
            assertThat(overlap.status()).isEqualTo(409);
            assertThat(overlap.contentType()).startsWith("application/problem+json");
            assertThat(overlap.json().get("type").asText()).endsWith("/overlap");
            assertThat(overlap.json().get("conflicts")).hasSize(1);
            assertThat(overlap.json().get("conflicts").get(0).asText()).isEqualTo(held);
            JsonNode alternatives = overlap.json().get("alternatives");
            assertThat(alternatives).isNotEmpty();
            for (JsonNode alt : alternatives) {
                assertThat(alt.get("resourceId").asText()).isEqualTo(room);
                ApiClient.Reply takeIt = venue.admin.post("/api/v1/quotes", Map.of("resourceId", room,
                        "start", alt.get("start").asText(), "end", alt.get("end").asText()));
                assertThat(takeIt.status()).isEqualTo(200);
            }
            ApiClient.Reply firstAlternative = venue.admin.post("/api/v1/bookings", Venue.booking(null, room, guest,
                    alternatives.get(0).get("start").asText(), alternatives.get(0).get("end").asText()));
            assertThat(firstAlternative.status()).as("the first alternative is really free").isEqualTo(201);

            ApiClient.Reply touching = venue.admin.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-06T08:00:00Z", "2026-12-06T09:00:00Z"));
            assertThat(touching.status()).as(touching.body()).isIn(201, 409);
            if (touching.status() == 409) {
                assertThat(touching.json().get("conflicts").toString()).doesNotContain(held);
            }

            ApiClient.Reply moveOnto = venue.admin.put("/api/v1/bookings/" + firstAlternative.json().get("id").asText(),
                    "{\"start\":\"2026-12-06T09:00:00Z\",\"end\":\"2026-12-06T10:00:00Z\",\"revision\":1}");
            assertThat(moveOnto.status()).isEqualTo(409);
            assertThat(moveOnto.json().get("conflicts").get(0).asText()).isEqualTo(held);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void repeatingACreateReturnsTheSameBookingAndReusingItsIdForOtherContentIs409(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");
            String id = UUID.randomUUID().toString();
            Map<String, Object> body = Venue.booking(id, room, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z");

            ApiClient.Reply first = venue.admin.post("/api/v1/bookings", body);
            ApiClient.Reply second = venue.admin.post("/api/v1/bookings", body);
            assertThat(first.status()).isEqualTo(201);
            assertThat(second.status()).isEqualTo(201);
            assertThat(second.json()).isEqualTo(first.json());
            assertThat(first.json().get("id").asText()).isEqualTo(id);

            ApiClient.Reply differentContent = venue.admin.post("/api/v1/bookings",
                    Venue.booking(id, room, guest, "2026-12-06T11:00:00Z", "2026-12-06T12:00:00Z"));
            assertThat(differentContent.status()).isEqualTo(409);
            assertThat(differentContent.json().get("type").asText()).endsWith("/id-in-use");

            assertThat(venue.admin.get("/api/v1/bookings?resourceId=" + room).json()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void badInputIsAClearProblemNamingTheFieldAndNothingIsStored(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            ApiClient api = venue.admin;
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");
            String start = "2026-12-06T09:00:00Z";
            String end = "2026-12-06T10:00:00Z";

            List<ApiClient.Reply> bad = new ArrayList<>();
            ApiClient.Reply malformed = api.post("/api/v1/bookings", "{\"resourceId\": ");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().get("type").asText()).endsWith("/malformed-json");
            bad.add(malformed);

            Venue.assertProblem(api.post("/api/v1/bookings", "{\"resourceId\":\"" + room + "\",\"customerId\":\"" + guest
                    + "\",\"start\":\"tomorrow\",\"end\":\"" + end + "\"}"), 400, "start");
            Venue.assertProblem(api.post("/api/v1/bookings", "{\"resourceId\":42,\"customerId\":\"" + guest
                    + "\",\"start\":\"" + start + "\",\"end\":\"" + end + "\"}"), 400, "resourceId");
            Venue.assertProblem(api.post("/api/v1/bookings", Map.of("customerId", guest, "start", start, "end", end)), 400, "resourceId");
            Venue.assertProblem(api.post("/api/v1/bookings", Map.of("resourceId", room, "customerId", guest, "start", start)), 400, "end");
            Venue.assertProblem(api.post("/api/v1/bookings", Venue.booking(null, room, guest, end, start)), 400, "end");
            Venue.assertProblem(api.post("/api/v1/bookings", Venue.booking(null, room, guest, start, start)), 400, "end");
            Venue.assertProblem(api.post("/api/v1/bookings", Venue.booking(null, UUID.randomUUID().toString(), guest, start, end)), 400, "resourceId");
            Venue.assertProblem(api.post("/api/v1/bookings", Venue.booking(null, room, UUID.randomUUID().toString(), start, end)), 400, "customerId");
            Venue.assertProblem(api.post("/api/v1/bookings", Venue.booking("not-a-uuid", room, guest, start, end)), 400, "id");
            Map<String, Object> longNotes = Venue.booking(null, room, guest, start, end);
            longNotes.put("notes", "x".repeat(4001));
            Venue.assertProblem(api.post("/api/v1/bookings", longNotes), 400, "notes");
            assertThat(api.post("/api/v1/bookings", "").status()).isEqualTo(400);

            ApiClient.Reply oversized = api.post("/api/v1/bookings", "{\"notes\":\"" + "x".repeat(1_100_000) + "\"}");
            assertThat(oversized.status()).isEqualTo(413);
            assertThat(oversized.contentType()).startsWith("application/problem+json");

            assertThat(api.get("/api/v1/bookings").json()).as("nothing was stored").isEmpty();

            ApiClient.Reply unknown = api.get("/api/v1/bookings/" + UUID.randomUUID());
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.contentType()).startsWith("application/problem+json");
            assertThat(api.post("/api/v1/bookings/" + UUID.randomUUID() + "/cancel", "").status()).isEqualTo(404);
            assertThat(api.put("/api/v1/bookings/" + UUID.randomUUID(),
                    "{\"start\":\"" + start + "\",\"end\":\"" + end + "\",\"revision\":1}").status()).isEqualTo(404);
            Venue.assertProblem(api.get("/api/v1/bookings/nope"), 400, "id");
            Venue.assertProblem(api.get("/api/v1/bookings?from=yesterday"), 400, "from");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aResourceThatNeedsApprovalHoldsNewBookingsAsPendingUntilAManagerApproves(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            ApiClient desk = venue.staff("desk", Role.FRONT_DESK);
            ApiClient manager = venue.staff("manager", Role.MANAGER);
            String hall = venue.resource("Main Hall", "250.00", true);
            String guest = venue.customer("Ada Lovelace");

            ApiClient.Reply pending = desk.post("/api/v1/bookings",
                    Venue.booking(null, hall, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z"));
            assertThat(pending.status()).isEqualTo(201);
            assertThat(pending.json().get("status").asText()).isEqualTo("PENDING");
            String id = pending.json().get("id").asText();

            ApiClient.Reply overlapWhilePending = desk.post("/api/v1/bookings",
                    Venue.booking(null, hall, guest, "2026-12-06T09:30:00Z", "2026-12-06T10:00:00Z"));
            assertThat(overlapWhilePending.status()).as("a pending hold blocks the slot").isEqualTo(409);

            ApiClient.Reply deskApproves = desk.post("/api/v1/bookings/" + id + "/approve", "");
            assertThat(deskApproves.status()).isEqualTo(403);
            assertThat(deskApproves.json().get("type").asText()).endsWith("/forbidden");
            ApiClient.Reply deskCreatesResource = desk.post("/api/v1/resources", Map.of("name", "Sneaky", "type", "VENUE",
                    "capacity", 1, "pricePerHour", Map.of("amount", "1.00", "currency", "EUR"), "timeZone", "Europe/Berlin"));
            assertThat(deskCreatesResource.status()).isEqualTo(403);
            assertThat(venue.admin.get("/api/v1/resources").json()).hasSize(1);

            ApiClient.Reply approved = manager.post("/api/v1/bookings/" + id + "/approve", "");
            assertThat(approved.status()).isEqualTo(200);
            assertThat(approved.json().get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(manager.post("/api/v1/bookings/" + id + "/approve", "").status())
                    .as("approving twice is a refused transition").isEqualTo(409);

            assertThat(venue.anonymous.get("/api/v1/bookings").status()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void movingABookingToAnotherResourceFreesTheOldSlotAndChecksTheNewOne(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            String roomA = venue.resource("Room A");
            String roomB = venue.resource("Room B", "60.00", false);
            String guest = venue.customer("Ada Lovelace");
            String moving = venue.admin.post("/api/v1/bookings",
                    Venue.booking(null, roomA, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z")).json().get("id").asText();
            String blocker = venue.admin.post("/api/v1/bookings",
                    Venue.booking(null, roomB, guest, "2026-12-06T12:00:00Z", "2026-12-06T13:00:00Z")).json().get("id").asText();

            ApiClient.Reply ontoBlocker = venue.admin.put("/api/v1/bookings/" + moving, "{\"resourceId\":\"" + roomB
                    + "\",\"start\":\"2026-12-06T12:30:00Z\",\"end\":\"2026-12-06T13:30:00Z\",\"revision\":1}");
            assertThat(ontoBlocker.status()).isEqualTo(409);
            assertThat(ontoBlocker.json().get("conflicts").get(0).asText()).isEqualTo(blocker);

            ApiClient.Reply moved = venue.admin.put("/api/v1/bookings/" + moving, "{\"resourceId\":\"" + roomB
                    + "\",\"start\":\"2026-12-06T09:00:00Z\",\"end\":\"2026-12-06T10:00:00Z\",\"revision\":1}");
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(moved.json().get("resourceId").asText()).isEqualTo(roomB);
            assertThat(moved.json().at("/price/amount").asText()).isEqualTo("60.00");
            assertThat(venue.admin.post("/api/v1/bookings",
                    Venue.booking(null, roomA, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z")).status())
                    .as("the old slot is free again").isEqualTo(201);
            Venue.assertProblem(venue.admin.put("/api/v1/bookings/" + moving, "{\"resourceId\":\"" + UUID.randomUUID()
                    + "\",\"start\":\"2026-12-06T09:00:00Z\",\"end\":\"2026-12-06T10:00:00Z\",\"revision\":2}"), 400, "resourceId");
            Venue.assertProblem(venue.admin.put("/api/v1/bookings/" + moving,
                    "{\"start\":\"2026-12-06T09:00:00Z\",\"end\":\"2026-12-06T10:00:00Z\"}"), 400, "revision");
        }
    }
}
