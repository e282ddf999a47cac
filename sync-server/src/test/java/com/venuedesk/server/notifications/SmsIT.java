package com.venuedesk.server.notifications;

import static com.venuedesk.server.notifications.Mailbox.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.MutableClock;
import com.venuedesk.server.testing.ServerUnderTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SMS end to end against a Twilio-style provider (MockWebServer): a guest who wants SMS gets the confirmation by SMS,
 * retried after the provider's 503; the provider's signed status callback shows as delivered, an unsigned or forged
 * one is refused; STOP opts the guest out, and their reminder is then not sent.
 */
class SmsIT {
    private static final String TOKEN = "provider-auth-token";

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aGuestWhoWantsSmsGetsItRetriedAfterAProviderErrorAndStopEndsIt(ServerUnderTest.Db db, @TempDir Path dir)
            throws Exception {
        try (MockWebServer provider = new MockWebServer()) {
            provider.start(0);
            provider.enqueue(new MockResponse.Builder().code(503).body("busy").build());
            provider.enqueue(new MockResponse.Builder().code(201).body("{\"sid\":\"SM1\"}").build());
            MutableClock clock = new MutableClock(NotificationsIT.NOW);
            NotificationSettings settings = Mailbox.FAST.withSms(new NotificationSettings.SmsSettings(
                    URI.create(provider.url("/").toString()), "AC1", TOKEN, "+4930999"));
            try (VenueDeskServer server = NotificationsIT.start(db, dir, clock, settings)) {
                Venue venue = new Venue(server);
                String room = NotificationsIT.room(venue, false);
                String guest = venue.customer("Greta Gast");
                venue.admin.put("/api/v1/customers/" + guest + "/contact-preferences",
                        "{\"language\":\"de\",\"smsOptIn\":true}");
                String booking = NotificationsIT.book(venue, room, guest, "2026-04-02T08:00:00Z", "2026-04-02T09:00:00Z");

                RecordedRequest first = provider.takeRequest(30, TimeUnit.SECONDS);
                assertThat(first).isNotNull();
                await("failed once", () -> smsState(venue.admin, booking, "CONFIRMATION").equals("FAILED"));
                clock.advance(Duration.ofSeconds(11));
                RecordedRequest second = provider.takeRequest(30, TimeUnit.SECONDS);
                assertThat(second.getBody().utf8()).contains("Buchung+best%C3%A4tigt");
                await("sent", () -> smsState(venue.admin, booking, "CONFIRMATION").equals("SENT"));
                JsonNode sms = sms(venue.admin, booking, "CONFIRMATION");
                assertThat(sms.get("providerId").asText()).isEqualTo("SM1");
                assertThat(sms.get("recipient").asText()).isEqualTo("+49 30 1234567");
                assertThat(second.getBody().utf8()).contains("StatusCallback=http%3A%2F%2F127.0.0.1%3A" + server.port()
                        + "%2Fapi%2Fv1%2Fnotifications%2Fsms%2Fstatus");

                String statusUrl = "http://127.0.0.1:" + server.port() + "/api/v1/notifications/sms/status";
                Map<String, String> delivered = Map.of("MessageSid", "SM1", "MessageStatus", "delivered");
                assertThat(post(statusUrl, delivered, null)).as("unsigned").isEqualTo(403);
                assertThat(post(statusUrl, delivered, new ProviderSignature("guess").sign(statusUrl, delivered)))
                        .as("forged").isEqualTo(403);
                assertThat(post(statusUrl, delivered, new ProviderSignature(TOKEN).sign(statusUrl, delivered)))
                        .isEqualTo(204);
                JsonNode afterCallback = sms(venue.admin, booking, "CONFIRMATION");
                assertThat(afterCallback.get("deliveryStatus").asText()).isEqualTo("delivered");
                assertThat(afterCallback.get("steps")).extracting(s -> s.get("step").asText()).endsWith("DELIVERED");

                String inboundUrl = "http://127.0.0.1:" + server.port() + "/api/v1/notifications/sms/inbound";
                Map<String, String> stop = Map.of("From", "+49301234567", "Body", "Stop");
                assertThat(post(inboundUrl, stop, new ProviderSignature(TOKEN).sign(inboundUrl, stop))).isEqualTo(204);
                JsonNode preference = venue.admin.get("/api/v1/customers/" + guest + "/contact-preferences").json();
                assertThat(preference.get("smsOptOut").asBoolean()).isTrue();

                clock.advance(Duration.ofDays(13));
                ApiClient admin = NotificationsIT.signIn(venue);
                await("reminder handled", () -> !smsState(admin, booking, "REMINDER").equals("QUEUED"));
                assertThat(sms(admin, booking, "REMINDER").get("state").asText()).isEqualTo("SKIPPED");
                assertThat(provider.getRequestCount()).isEqualTo(2);
            }
        }
    }

    private static int post(String url, Map<String, String> form, String signature) throws Exception {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        Request.Builder request = new Request.Builder().url(url).post(body.build());
        if (signature != null) {
            request.header(NotificationApi.SIGNATURE_HEADER, signature);
        }
        try (Response response = new OkHttpClient().newCall(request.build()).execute()) {
            return response.code();
        }
    }

    private static JsonNode sms(ApiClient admin, String booking, String kind) {
        for (JsonNode n : Mailbox.notifications(admin, booking)) {
            if (n.get("channel").asText().equals("SMS") && n.get("kind").asText().equals(kind)) {
                return n;
            }
        }
        return null;
    }

    private static String smsState(ApiClient admin, String booking, String kind) {
        JsonNode n = sms(admin, booking, kind);
        return n == null ? "none yet" : n.get("state").asText();
    }

}
