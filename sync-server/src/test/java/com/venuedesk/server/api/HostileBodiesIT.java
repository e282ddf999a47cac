package com.venuedesk.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bodies that used to be answered 500: the JSON {@code null}, an amount of money the database column cannot hold,
 * {@code null} among the amenities. Each is a 400 problem naming the field, and nothing is stored.
 */
class HostileBodiesIT {

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aBodyThatIsJustNullIsA400NamingTheBody(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");
            String booking = venue.admin.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z")).json().get("id").asText();
            long before = changes(server);

            for (String body : new String[] {"null", " null\n", "NULL"}) {
                problem(venue.admin.post("/api/v1/resources", body), "body", "null".equals(body.strip()));
                problem(venue.admin.post("/api/v1/customers", body), "body", "null".equals(body.strip()));
                problem(venue.admin.post("/api/v1/bookings", body), "body", "null".equals(body.strip()));
                problem(venue.admin.put("/api/v1/bookings/" + booking, body), "body", "null".equals(body.strip()));
                problem(venue.admin.put("/api/v1/resources/" + room, body), "body", "null".equals(body.strip()));
                problem(venue.admin.put("/api/v1/customers/" + guest, body), "body", "null".equals(body.strip()));
                problem(venue.admin.post("/api/v1/quotes", body), "body", "null".equals(body.strip()));
                problem(venue.admin.post("/api/v1/resources/" + room + "/availability-rules", body), "body",
                        "null".equals(body.strip()));
                problem(venue.admin.post("/api/v1/blackouts", body), "body", "null".equals(body.strip()));
                problem(venue.admin.post("/api/v1/users", body), "body", "null".equals(body.strip()));
            }
            assertThat(changes(server)).as("nothing stored").isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aPriceBeyondTheColumnOrANullAmenityIsA400NamingTheFieldAndNothingIsStored(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            String room = venue.resource("Room A");
            long before = changes(server);

            for (String amount : new String[] {"1e309", "\"1e309\"", "\"12345678901234567890\"", "12345678901234567890",
                    "1" + "0".repeat(400), "\"10000000000.00\"", "\"40.001\"", "\"1e-999999999\"", "\"1e999999999\""}) {
                String resource = resource("\"pricePerHour\":{\"amount\":" + amount + ",\"currency\":\"EUR\"}");
                Venue.assertProblem(venue.admin.post("/api/v1/resources", resource), 400, "pricePerHour.amount");
                Venue.assertProblem(venue.admin.put("/api/v1/resources/" + room,
                        resource.replace("{\"name\"", "{\"revision\":1,\"name\"")), 400, "pricePerHour.amount");
            }
            ApiClient.Reply dearest = venue.admin.post("/api/v1/resources",
                    resource("\"pricePerHour\":{\"amount\":\"9999999999.99\",\"currency\":\"EUR\"}"));
            assertThat(dearest.status()).as("the most the column holds " + dearest.body()).isEqualTo(201);
            long afterDearest = changes(server);

            Venue.assertProblem(venue.admin.post("/api/v1/resources",
                    resource("\"pricePerHour\":{\"amount\":\"40.00\",\"currency\":\"EUR\"},\"amenities\":[\"wifi\",null]")),
                    400, "amenities[1]");
            Venue.assertProblem(venue.admin.put("/api/v1/resources/" + room,
                    resource("\"revision\":1,\"pricePerHour\":{\"amount\":\"40.00\",\"currency\":\"EUR\"},\"amenities\":[null]")),
                    400, "amenities[0]");

            String guest = venue.customer("Ada Lovelace");
            ApiClient.Reply tooDear = venue.admin.post("/api/v1/bookings", Venue.booking(null,
                    dearest.json().get("id").asText(), guest, "2026-12-06T09:00:00Z", "2026-12-08T09:00:00Z"));
            Venue.assertProblem(tooDear, 400, "end");
            assertThat(changes(server)).as("nothing stored but the dearest room and the customer").isEqualTo(afterDearest + 1);
            assertThat(afterDearest).isEqualTo(before + 1);
            assertThat(venue.admin.get("/api/v1/resources/" + room).json().get("revision").asLong()).isEqualTo(1);
        }
    }

    private static String resource(String price) {
        return "{\"name\":\"Room " + UUID.randomUUID() + "\",\"type\":\"MEETING_ROOM\",\"capacity\":4," + price
                + ",\"timeZone\":\"Europe/Berlin\"}";
    }

    private static void problem(ApiClient.Reply reply, String field, boolean namesTheBody) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        if (namesTheBody) {
            assertThat(reply.json().get("field").asText()).as(reply.body()).isEqualTo(field);
        }
    }

    private static long changes(VenueDeskServer server) {
        return server.database().inTransaction(session -> ((Number) session
                .createNativeQuery("SELECT COUNT(*) FROM change_log", Object.class).getSingleResult()).longValue());
    }
}
