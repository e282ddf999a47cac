package com.venuedesk.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.venuedesk.server.wire.Json;
import java.net.URI;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMS adapter against a Twilio-style Messages API played by MockWebServer, its errors included. */
class TwilioSmsGatewayTest {
    private MockWebServer provider;
    private TwilioSmsGateway gateway;

    @BeforeEach
    void start() throws Exception {
        provider = new MockWebServer();
        provider.start(0);
        gateway = new TwilioSmsGateway(new NotificationSettings.SmsSettings(
                URI.create(provider.url("/").toString()), "AC123", "secret-token", "+4930999"), Json.newMapper());
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void anAcceptedMessageIsPostedAsAFormWithBasicAuthAndAnswersTheProvidersSid() throws Exception {
        provider.enqueue(new MockResponse.Builder().code(201).body("{\"sid\":\"SM42\",\"status\":\"queued\"}").build());
        String sid = gateway.send("+49301234567", "Grand Hall: booking confirmed", "https://venue.example/cb");
        assertThat(sid).isEqualTo("SM42");
        RecordedRequest request = provider.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/2010-04-01/Accounts/AC123/Messages.json");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo(okhttp3.Credentials.basic("AC123", "secret-token"));
        String form = request.getBody().utf8();
        assertThat(form).contains("To=%2B49301234567").contains("From=%2B4930999")
                .contains("Body=Grand+Hall%3A+booking+confirmed").contains("StatusCallback=");
    }

    @Test
    void aRefusedNumberIsFinalWithTheProvidersMessage() {
        provider.enqueue(new MockResponse.Builder().code(400)
                .body("{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\"}").build());
        assertThatThrownBy(() -> gateway.send("12", "x", null)).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains("400").contains("not a valid phone number").contains("21211");
        });
    }

    @Test
    void aServerErrorARateLimitAndADroppedConnectionAreWorthAnotherTry() {
        provider.enqueue(new MockResponse.Builder().code(503).body("down for maintenance").build());
        provider.enqueue(new MockResponse.Builder().code(429).body("{\"message\":\"Too many requests\"}").build());
        provider.enqueue(new MockResponse.Builder().code(200).body("{\"status\":\"queued\"}").build());
        for (String expected : new String[] {"503", "429", "without a sid"}) {
            assertThatThrownBy(() -> gateway.send("+49301234567", "x", null))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> {
                        assertThat(e.permanent()).as(e.getMessage()).isFalse();
                        assertThat(e.getMessage()).contains(expected);
                    });
        }
    }

    @Test
    void aProviderThatCannotBeReachedIsWorthAnotherTry() {
        int port = provider.getPort();
        provider.close();
        TwilioSmsGateway nowhere = new TwilioSmsGateway(new NotificationSettings.SmsSettings(
                URI.create("http://127.0.0.1:" + port + "/"), "AC123", "secret-token", "+4930999"), Json.newMapper());
        assertThatThrownBy(() -> nowhere.send("+49301234567", "x", null))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.permanent()).isFalse();
                    assertThat(e.getMessage()).contains("unreachable");
                });
    }

    @Test
    void aCallbackSignatureHoldsOnlyForTheSameUrlParametersAndToken() {
        ProviderSignature signature = new ProviderSignature("secret-token");
        Map<String, String> params = Map.of("MessageSid", "SM42", "MessageStatus", "delivered");
        String signed = signature.sign("https://venue.example/api/v1/notifications/sms/status", params);
        assertThat(signature.verify("https://venue.example/api/v1/notifications/sms/status", params, signed)).isTrue();
        assertThat(signature.verify("https://venue.example/api/v1/notifications/sms/status",
                Map.of("MessageSid", "SM42", "MessageStatus", "failed"), signed)).isFalse();
        assertThat(signature.verify("https://evil.example/api/v1/notifications/sms/status", params, signed)).isFalse();
        assertThat(new ProviderSignature("other").verify("https://venue.example/api/v1/notifications/sms/status",
                params, signed)).isFalse();
        assertThat(signature.verify("https://venue.example/x", params, null)).isFalse();
    }
}
