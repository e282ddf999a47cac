package com.venuedesk.server.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.model.domain.Role;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A resource's iCalendar feed: opened by its token only, rotated by a manager, guests' names only when chosen. */
class CalendarFeedIT {

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aManagersTokenOpensTheFeedARotationClosesTheOldOneAndGuestsStayOutUnlessChosen(ServerUnderTest.Db db,
                                                                                      @TempDir Path dir) throws Exception {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            String room = venue.resource("Blue Room");
            String other = venue.resource("Green Room");
            String guest = venue.customer("Ada Lovelace");
            Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            ApiClient.Reply booked = venue.admin.post("/api/v1/bookings", Venue.booking(null, room, guest,
                    start.toString(), start.plus(1, ChronoUnit.HOURS).toString()));
            String booking = booked.json().get("id").asText();
            venue.admin.post("/api/v1/bookings", Venue.booking(null, other, guest, start.toString(),
                    start.plus(1, ChronoUnit.HOURS).toString()));

            ApiClient desk = venue.staff("dana", Role.FRONT_DESK);
            assertThat(desk.post("/api/v1/resources/" + room + "/calendar-token", "{}").status()).isEqualTo(403);
            ApiClient.Reply created = venue.admin.post("/api/v1/resources/" + room + "/calendar-token", "{}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String url = created.json().get("url").asText();
            String token = created.json().get("token").asText();
            assertThat(url).endsWith("/api/v1/resources/" + room + "/calendar.ics?token=" + token);

            ApiClient.Reply feed = venue.anonymous.get(url.substring(url.indexOf("/api/v1/")));
            assertThat(feed.status()).isEqualTo(200);
            assertThat(feed.contentType()).startsWith("text/calendar");
            Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
            List<VEvent> events = calendar.getComponents("VEVENT");
            assertThat(events).hasSize(1);
            VEvent event = events.get(0);
            assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("booking-" + booking + "@venuedesk");
            assertThat(event.getSummary().getValue()).isEqualTo("Booked");
            assertThat(feed.body()).doesNotContain("Ada").doesNotContain("projector").doesNotContain("example.com");

            assertThat(venue.anonymous.get("/api/v1/resources/" + room + "/calendar.ics?token=wrong").status())
                    .isEqualTo(404);
            assertThat(venue.anonymous.get("/api/v1/resources/" + other + "/calendar.ics?token=" + token).status())
                    .as("a token opens its own resource only").isEqualTo(404);
            assertThat(venue.anonymous.get("/api/v1/resources/" + room + "/calendar.ics").status()).isEqualTo(404);

            ApiClient.Reply rotated = venue.admin.post("/api/v1/resources/" + room + "/calendar-token",
                    venue.admin.write(Map.of("includeGuests", true)));
            String newToken = rotated.json().get("token").asText();
            assertThat(venue.anonymous.get("/api/v1/resources/" + room + "/calendar.ics?token=" + token).status())
                    .as("the old token stops working").isEqualTo(404);
            ApiClient.Reply withGuests = venue.anonymous.get("/api/v1/resources/" + room + "/calendar.ics?token=" + newToken);
            assertThat(withGuests.status()).isEqualTo(200);
            assertThat(withGuests.body()).contains("SUMMARY:Ada Lovelace");
            JsonNode missing = venue.admin.post("/api/v1/resources/" + java.util.UUID.randomUUID() + "/calendar-token",
                    "{}").json();
            assertThat(missing.get("status").asInt()).isEqualTo(404);
        }
    }
}
