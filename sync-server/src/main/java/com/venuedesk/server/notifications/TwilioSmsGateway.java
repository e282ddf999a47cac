package com.venuedesk.server.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * SMS over a Twilio-style Messages API: {@code POST {base}/2010-04-01/Accounts/{sid}/Messages.json} with a form
 * {@code To, From, Body, StatusCallback}, basic auth. 2xx with a {@code sid}: accepted. 429 and 5xx (and no answer):
 * worth another try. Any other 4xx (a bad number, an unsubscribed recipient): final.
 */
public final class TwilioSmsGateway implements SmsGateway {
    private final NotificationSettings.SmsSettings sms;
    private final OkHttpClient http;
    private final ObjectMapper json;

    public TwilioSmsGateway(NotificationSettings.SmsSettings sms, ObjectMapper json) {
        this.sms = sms;
        this.json = json;
        // no silent retry of a POST whose connection broke: the provider may have taken it (the sender decides)
        this.http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).retryOnConnectionFailure(false)
                .build();
    }

    @Override
    public String send(String to, String body, String statusCallbackUrl) throws DeliveryException {
        HttpUrl url = HttpUrl.get(sms.baseUrl().toString()).newBuilder().addPathSegment("2010-04-01")
                .addPathSegment("Accounts").addPathSegment(sms.accountSid()).addPathSegment("Messages.json").build();
        FormBody.Builder form = new FormBody.Builder().add("To", to).add("From", sms.from()).add("Body", body);
        if (statusCallbackUrl != null) {
            form.add("StatusCallback", statusCallbackUrl);
        }
        Request request = new Request.Builder().url(url).post(form.build())
                .header("Authorization", Credentials.basic(sms.accountSid(), sms.authToken())).build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            if (response.isSuccessful()) {
                JsonNode answer = json.readTree(text);
                if (answer == null || !answer.hasNonNull("sid")) {
                    throw new DeliveryException("SMS provider answered " + response.code() + " without a sid", false, null);
                }
                return answer.get("sid").asText();
            }
            boolean retry = response.code() == 429 || response.code() >= 500;
            throw new DeliveryException("SMS provider answered " + response.code() + ": " + problem(text), !retry, null);
        } catch (IOException e) {
            throw new DeliveryException("SMS provider unreachable: " + e.getMessage(), false, e);
        }
    }

    private String problem(String text) {
        try {
            JsonNode node = json.readTree(text);
            if (node != null && node.hasNonNull("message")) {
                return node.get("message").asText() + (node.hasNonNull("code") ? " (code " + node.get("code").asText() + ")" : "");
            }
        } catch (IOException ignored) {
            // not JSON: the text as it came
        }
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
