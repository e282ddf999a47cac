package com.venuedesk.server.notifications;

import static com.venuedesk.server.notifications.Mailbox.await;
import static com.venuedesk.server.notifications.Mailbox.property;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.venuedesk.model.domain.Role;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.consumers.ConsumerSettings;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.MutableClock;
import com.venuedesk.server.testing.ServerUnderTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Notifications end to end, with a real SMTP server (GreenMail) and a clock the test moves: a booking's invite, its
 * change and its cancellation as calendar clients read them (parsed back with ical4j), the reminder in the venue's
 * time zone across a DST change and recomputed when the booking moves, the guest's language, opt-out, no address,
 * approvals to managers, and the admin's view and retry. On H2 and on PostgreSQL.
 */
class NotificationsIT {
    static final ConsumerSettings FAST_CONSUMERS = new ConsumerSettings(Duration.ofMillis(50), 200, 5,
            Duration.ofMillis(20), Duration.ofMillis(200));
    /** Friday 20 March 2026, noon UTC; Europe/Berlin moves to summer time on Sunday 29 March at 02:00. */
    static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");

    private GreenMail smtp;

    @BeforeEach
    void startMailServer() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stopMailServer() {
        smtp.stop();
    }

    static VenueDeskServer start(ServerUnderTest.Db db, Path dir, MutableClock clock, NotificationSettings settings) {
        return VenueDeskServer.start(ServerUnderTest.config(db, dir).withClock(clock).withNotifications(settings),
                List.of(), FAST_CONSUMERS);
    }

    static String room(Venue venue, boolean requiresApproval) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Blue Room");
        body.put("type", "MEETING_ROOM");
        body.put("capacity", 8);
        body.put("pricePerHour", Map.of("amount", "40.00", "currency", "EUR"));
        body.put("timeZone", "Europe/Berlin");
        body.put("requiresApproval", requiresApproval);
        body.put("location", Map.of("address", "Hauptstraße 5", "city", "Berlin", "country", "DE"));
        ApiClient.Reply r = venue.admin.post("/api/v1/resources", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    static String book(Venue venue, String room, String guest, String start, String end) {
        ApiClient.Reply r = venue.admin.post("/api/v1/bookings", Venue.booking(null, room, guest, start, end));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    static long revision(Venue venue, String booking) {
        return venue.admin.get("/api/v1/bookings/" + booking).json().get("revision").asLong();
    }

    private MimeMessage[] awaitMails(int count) throws InterruptedException {
        await(count + " mails", () -> smtp.getReceivedMessages().length >= count);
        return smtp.getReceivedMessages();
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aBookingsInviteIsUpdatedOnAMoveAndRemovedOnACancelAndItsReminderFollowsTheVenueClockAcrossDst(
            ServerUnderTest.Db db, @TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(NOW);
        try (VenueDeskServer server = start(db, dir, clock, Mailbox.FAST.withSmtp(Mailbox.smtp(smtp.getSmtp().getPort())))) {
            Venue venue = new Venue(server);
            String room = room(venue, false);
            String guest = venue.customer("Greta Gast");
            assertThat(venue.admin.put("/api/v1/customers/" + guest + "/contact-preferences", "{\"language\":\"de\"}")
                    .status()).isEqualTo(200);
            // Sunday 29 March 10:00 in Berlin (summer time since 02:00 that day) = 08:00Z
            String booking = book(venue, room, guest, "2026-03-29T08:00:00Z", "2026-03-29T09:00:00Z");

            MimeMessage confirmation = awaitMails(1)[0];
            assertThat(confirmation.getSubject()).startsWith("Buchung bestätigt: Blue Room");
            assertThat(confirmation.getAllRecipients()[0].toString()).isEqualTo("greta.gast@example.com");
            assertThat(confirmation.getMessageID()).startsWith("<notification-").endsWith("@grandhall.example>");
            assertThat(confirmation.getHeader("List-Unsubscribe")[0]).contains("/api/v1/notifications/unsubscribe?token=");
            String html = Mailbox.text(Mailbox.part(confirmation, "text/html").orElseThrow());
            assertThat(html).contains("Ihre Buchung ist bestätigt").contains("Hauptstraße 5")
                    .contains("10:00-11:00 (Europe/Berlin)");
            String plain = Mailbox.text(Mailbox.part(confirmation, "text/plain").orElseThrow());
            assertThat(plain).contains("Hallo Greta").contains("Sonntag, 29. März 2026, 10:00-11:00");
            assertThat(Mailbox.mimeMethod(confirmation)).isEqualTo("REQUEST");
            Calendar invite = Mailbox.invite(confirmation);
            String uid = property(invite, "VEVENT", "UID");
            assertThat(uid).isEqualTo("booking-" + booking + "@venuedesk");
            assertThat(property(invite, null, "METHOD")).isEqualTo("REQUEST");
            assertThat(property(invite, "VEVENT", "SEQUENCE")).isEqualTo("1");
            assertThat(property(invite, "VEVENT", "DTSTART")).isEqualTo("20260329T080000Z");
            assertThat(property(invite, "VEVENT", "DTEND")).isEqualTo("20260329T090000Z");
            assertThat(property(invite, "VEVENT", "LOCATION")).isEqualTo("Blue Room, Hauptstraße 5, Berlin, DE");
            assertThat(property(invite, "VEVENT", "ORGANIZER")).isEqualTo("mailto:bookings@grandhall.example");

            // the reminder: 10:00 the day before on the venue's clock, which is still winter time: 09:00Z, 23 h before
            JsonNode reminder = only(Mailbox.notifications(venue.admin, booking), "REMINDER");
            assertThat(reminder.get("state").asText()).isEqualTo("QUEUED");
            assertThat(reminder.get("dueAt").asText()).isEqualTo("2026-03-28T09:00:00Z");

            // moved to Thursday 2 April 10:00 (summer time, 08:00Z): an update with the same UID, a higher SEQUENCE
            ApiClient.Reply moved = venue.admin.put("/api/v1/bookings/" + booking, venue.admin.write(Map.of(
                    "start", "2026-04-02T08:00:00Z", "end", "2026-04-02T09:30:00Z", "revision", revision(venue, booking))));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            MimeMessage update = awaitMails(2)[1];
            assertThat(update.getSubject()).startsWith("Buchung geändert");
            Calendar changed = Mailbox.invite(update);
            assertThat(property(changed, "VEVENT", "UID")).isEqualTo(uid);
            assertThat(Integer.parseInt(property(changed, "VEVENT", "SEQUENCE"))).isGreaterThan(1);
            assertThat(property(changed, "VEVENT", "DTSTART")).isEqualTo("20260402T080000Z");
            assertThat(Mailbox.mimeMethod(update)).isEqualTo("REQUEST");
            JsonNode all = Mailbox.notifications(venue.admin, booking);
            List<JsonNode> reminders = kinds(all, "REMINDER");
            assertThat(reminders).extracting(n -> n.get("state").asText())
                    .containsExactlyInAnyOrder("SUPERSEDED", "QUEUED");
            JsonNode newReminder = reminders.stream().filter(n -> n.get("state").asText().equals("QUEUED")).findFirst()
                    .orElseThrow();
            assertThat(newReminder.get("dueAt").asText()).as("10:00 summer time the day before")
                    .isEqualTo("2026-04-01T08:00:00Z");

            // the clock reaches the reminder: it is sent, once, in German
            clock.advance(Duration.between(NOW, Instant.parse("2026-04-01T08:00:01Z")));
            MimeMessage reminded = awaitMails(3)[2];
            assertThat(reminded.getSubject()).startsWith("Erinnerung: Blue Room");
            assertThat(Mailbox.part(reminded, "text/calendar")).isEmpty();

            // cancelled: METHOD:CANCEL in the calendar and in the MIME part, same UID, higher SEQUENCE still
            ApiClient admin = signIn(venue);
            ApiClient.Reply cancelled = admin.post("/api/v1/bookings/" + booking + "/cancel",
                    Map.of("reason", "guest called"));
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
            MimeMessage cancel = awaitMails(4)[3];
            assertThat(cancel.getSubject()).startsWith("Buchung storniert");
            Calendar removed = Mailbox.invite(cancel);
            assertThat(property(removed, null, "METHOD")).isEqualTo("CANCEL");
            assertThat(Mailbox.mimeMethod(cancel)).isEqualTo("CANCEL");
            assertThat(property(removed, "VEVENT", "UID")).isEqualTo(uid);
            assertThat(property(removed, "VEVENT", "STATUS")).isEqualTo("CANCELLED");
            assertThat(Integer.parseInt(property(removed, "VEVENT", "SEQUENCE")))
                    .isGreaterThan(Integer.parseInt(property(changed, "VEVENT", "SEQUENCE")));

            Thread.sleep(300);
            assertThat(smtp.getReceivedMessages()).as("each message once").hasSize(4);
            JsonNode timeline = Mailbox.notifications(admin, booking);
            assertThat(kinds(timeline, "CONFIRMATION").get(0).get("state").asText()).isEqualTo("SENT");
            assertThat(kinds(timeline, "CONFIRMATION").get(0).get("steps")).extracting(s -> s.get("step").asText())
                    .containsExactly("QUEUED", "SENDING", "SENT");
        }
    }

    @Test
    void withoutAMailServerNotificationsAreRecordedAndShownButNotSent(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(NOW);
        try (VenueDeskServer server = start(ServerUnderTest.Db.H2, dir, clock, Mailbox.FAST)) {
            Venue venue = new Venue(server);
            String booking = book(venue, room(venue, false), venue.customer("Ada Lovelace"), "2026-04-02T08:00:00Z",
                    "2026-04-02T09:00:00Z");
            await("recorded", () -> !Mailbox.notifications(venue.admin, booking).isEmpty());
            JsonNode confirmation = only(Mailbox.notifications(venue.admin, booking), "CONFIRMATION");
            assertThat(confirmation.get("state").asText()).isEqualTo("SKIPPED");
            assertThat(confirmation.get("lastError").asText()).isEqualTo("not sent: no mail server configured");
            assertThat(confirmation.get("subject").asText()).startsWith("Booking confirmed: Blue Room");
            ApiClient.Reply delivery = venue.admin.get("/api/v1/notifications/delivery");
            assertThat(delivery.json().get("email").asBoolean()).isFalse();
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void aGuestWithoutAnAddressOrWhoUnsubscribedGetsNoMailAndManagersHearOfApprovals(@TempDir Path dir)
            throws Exception {
        MutableClock clock = new MutableClock(NOW);
        NotificationSettings settings = Mailbox.FAST.withSmtp(Mailbox.smtp(smtp.getSmtp().getPort()))
                .withManagerEmails(List.of("manager@grandhall.example"));
        try (VenueDeskServer server = start(ServerUnderTest.Db.H2, dir, clock, settings)) {
            Venue venue = new Venue(server);
            String room = room(venue, false);
            ApiClient.Reply noMail = venue.admin.post("/api/v1/customers", Map.of("name", "Walk In", "phone", "+49 30 1"));
            String walkIn = noMail.json().get("id").asText();
            String first = book(venue, room, walkIn, "2026-04-02T08:00:00Z", "2026-04-02T09:00:00Z");
            await("recorded", () -> !Mailbox.notifications(venue.admin, first).isEmpty());
            assertThat(only(Mailbox.notifications(venue.admin, first), "CONFIRMATION").get("lastError").asText())
                    .isEqualTo("not sent: the guest has no e-mail address");

            // a guest follows the unsubscribe link of their confirmation: the reminder is not sent
            String ada = venue.customer("Ada Lovelace");
            String second = book(venue, room, ada, "2026-04-03T08:00:00Z", "2026-04-03T09:00:00Z");
            MimeMessage confirmation = awaitMails(1)[0];
            String link = confirmation.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
            String path = link.substring(link.indexOf("/api/v1/"));
            assertThat(venue.anonymous.get(path).status()).isEqualTo(200);
            assertThat(venue.anonymous.get(path.replaceAll(".$", "x")).status()).as("a forged token").isEqualTo(400);
            clock.advance(Duration.ofDays(13).plusHours(1));
            ApiClient admin = signIn(venue);
            await("reminder handled", () -> !only(Mailbox.notifications(admin, second), "REMINDER").get("state")
                    .asText().equals("QUEUED"));
            JsonNode reminder = only(Mailbox.notifications(admin, second), "REMINDER");
            assertThat(reminder.get("state").asText()).isEqualTo("SKIPPED");
            assertThat(reminder.get("lastError").asText()).contains("opted out");

            // a booking of a resource that needs approval: the manager is told; the guest when it is approved
            Venue later = new Venue(server);
            String approvalRoom = room(later, true);
            String grace = later.customer("Grace Hopper");
            String pending = book(later, approvalRoom, grace, "2026-04-10T08:00:00Z", "2026-04-10T09:00:00Z");
            MimeMessage approval = awaitMails(2)[1];
            assertThat(approval.getAllRecipients()[0].toString()).isEqualTo("manager@grandhall.example");
            assertThat(approval.getSubject()).startsWith("Approval needed: Blue Room");
            assertThat(Mailbox.text(Mailbox.part(approval, "text/plain").orElseThrow())).contains("Grace Hopper");
            assertThat(later.admin.post("/api/v1/bookings/" + pending + "/approve", "{}").status()).isEqualTo(200);
            MimeMessage approved = awaitMails(3)[2];
            assertThat(approved.getAllRecipients()[0].toString()).isEqualTo("grace.hopper@example.com");
            assertThat(Mailbox.mimeMethod(approved)).isEqualTo("REQUEST");
        }
    }

    @Test
    void anAdminSeesDeadNotificationsAndRetriesThemWhileOthersMayNot(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(NOW);
        // a mail server that is not there: every attempt fails, and after 2 the notification is dead
        NotificationSettings settings = NotificationSettings.none().withRetries(Duration.ofMillis(50),
                Duration.ofMinutes(5), 2, Duration.ofSeconds(10), Duration.ofMinutes(1))
                .withSmtp(Mailbox.smtp(smtp.getSmtp().getPort() + 1));
        try (VenueDeskServer server = start(ServerUnderTest.Db.H2, dir, clock, settings)) {
            Venue venue = new Venue(server);
            String booking = book(venue, room(venue, false), venue.customer("Ada Lovelace"), "2026-04-02T08:00:00Z",
                    "2026-04-02T09:00:00Z");
            await("first failure", () -> stateOf(venue, booking).equals("FAILED"));
            clock.advance(Duration.ofSeconds(11));
            await("dead", () -> stateOf(venue, booking).equals("DEAD"));
            ApiClient.Reply dead = venue.admin.get("/api/v1/notifications?state=DEAD");
            assertThat(dead.json()).hasSize(1);
            JsonNode n = dead.json().get(0);
            assertThat(n.get("attempts").asInt()).isEqualTo(2);
            assertThat(n.get("lastError").asText()).contains("mail server");

            ApiClient desk = venue.staff("dana", Role.FRONT_DESK);
            assertThat(desk.get("/api/v1/notifications?bookingId=" + booking).status()).isEqualTo(200);
            assertThat(desk.post("/api/v1/notifications/" + n.get("id").asText() + "/retry", "{}").status()).isEqualTo(403);
            Venue.assertProblem(venue.admin.get("/api/v1/notifications?state=LOST"), 400, "state");
            ApiClient.Reply unknown = venue.admin.post("/api/v1/notifications/" + java.util.UUID.randomUUID() + "/retry", "{}");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.contentType()).startsWith("application/problem+json");
            String reminderId = only(Mailbox.notifications(venue.admin, booking), "REMINDER").get("id").asText();
            ApiClient.Reply notRetryable = venue.admin.post("/api/v1/notifications/" + reminderId + "/retry", "{}");
            assertThat(notRetryable.status()).isEqualTo(409);
            assertThat(notRetryable.json().get("type").asText()).endsWith("/not-retryable");

            // the admin retries it: it fails again (the server is still not there) and is visible as such
            ApiClient.Reply retried = venue.admin.post("/api/v1/notifications/" + n.get("id").asText() + "/retry", "{}");
            assertThat(retried.status()).as(retried.body()).isEqualTo(200);
            assertThat(retried.json().get("state").asText()).isEqualTo("QUEUED");
            await("failed again", () -> stateOf(venue, booking).equals("FAILED"));
            assertThat(only(Mailbox.notifications(venue.admin, booking), "CONFIRMATION").get("steps"))
                    .extracting(s -> s.get("step").asText()).contains("DEAD", "RETRIED");
        }
    }

    @Test
    void arrivalsWhoseReminderFailedOrWasNotPossibleAreListedForStaffToPhone(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(NOW);
        // a mail server that is not there, and no second attempt: a reminder that fails is dead at once
        NotificationSettings settings = NotificationSettings.none().withRetries(Duration.ofMillis(50),
                Duration.ofMinutes(5), 1, Duration.ofSeconds(10), Duration.ofMinutes(1))
                .withSmtp(Mailbox.smtp(smtp.getSmtp().getPort() + 1));
        try (VenueDeskServer server = start(ServerUnderTest.Db.H2, dir, clock, settings)) {
            Venue venue = new Venue(server);
            String room = room(venue, false);
            String ada = book(venue, room, venue.customer("Ada Lovelace"), "2026-04-02T08:00:00Z", "2026-04-02T09:00:00Z");
            String walkIn = venue.admin.post("/api/v1/customers", Map.of("name", "Walk In", "phone", "+49 30 555"))
                    .json().get("id").asText();
            String noMail = book(venue, room, walkIn, "2026-04-02T10:00:00Z", "2026-04-02T11:00:00Z");
            String tomorrow = book(venue, room, venue.customer("Grace Hopper"), "2026-04-03T08:00:00Z",
                    "2026-04-03T09:00:00Z");
            await("recorded", () -> Mailbox.notifications(venue.admin, tomorrow).size() == 2);
            clock.advance(Duration.between(NOW, Instant.parse("2026-04-01T12:00:00Z")));
            ApiClient staff = venue.staff("dana", Role.FRONT_DESK);
            await("the reminder died", () -> kinds(Mailbox.notifications(staff, ada), "REMINDER").get(0).get("state")
                    .asText().equals("DEAD"));
            ApiClient.Reply today = staff.get("/api/v1/notifications/unreminded-arrivals"
                    + "?from=2026-04-01T22:00:00Z&to=2026-04-02T22:00:00Z");
            assertThat(today.status()).as(today.body()).isEqualTo(200);
            assertThat(today.json()).extracting(a -> a.get("bookingId").asText()).containsExactly(ada, noMail);
            assertThat(today.json().get(0).get("phone").asText()).isEqualTo("+49 30 1234567");
            assertThat(today.json().get(0).get("reasons").get(0).asText()).startsWith("EMAIL DEAD: mail server");
            assertThat(today.json().get(1).get("reasons").get(0).asText()).contains("no e-mail address");
            Venue.assertProblem(staff.get("/api/v1/notifications/unreminded-arrivals?from=2026-04-02T00:00:00Z"
                    + "&to=2026-04-01T00:00:00Z"), 400, "to");
        }
    }

    private static String stateOf(Venue venue, String booking) {
        List<JsonNode> found = kinds(Mailbox.notifications(venue.admin, booking), "CONFIRMATION");
        return found.isEmpty() ? "none yet" : found.get(0).get("state").asText();
    }

    /** A fresh sign-in: after the clock moved days ahead, the first access token has long expired. */
    static ApiClient signIn(Venue venue) {
        return venue.anonymous.login("admin", ServerUnderTest.ADMIN_PASSWORD);
    }

    static List<JsonNode> kinds(JsonNode notifications, String kind) {
        List<JsonNode> found = new java.util.ArrayList<>();
        notifications.forEach(n -> {
            if (n.get("kind").asText().equals(kind)) {
                found.add(n);
            }
        });
        return found;
    }

    static JsonNode only(JsonNode notifications, String kind) {
        List<JsonNode> found = kinds(notifications, kind);
        assertThat(found).as(kind + " in " + notifications).hasSize(1);
        return found.get(0);
    }
}
