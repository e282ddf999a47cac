package com.venuedesk.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.server.testing.ApiClient;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

/** Test helpers: the parts of a received mail, its invite parsed back with ical4j, and waiting for things. */
final class Mailbox {
    static final NotificationSettings FAST = NotificationSettings.none().withRetries(Duration.ofMillis(50),
            Duration.ofMinutes(5), 4, Duration.ofSeconds(10), Duration.ofMinutes(1));

    private Mailbox() {
    }

    static NotificationSettings.SmtpSettings smtp(int port) {
        return new NotificationSettings.SmtpSettings("127.0.0.1", port, null, null,
                NotificationSettings.SmtpSettings.Tls.NONE, "Grand Hall Bookings <bookings@grandhall.example>",
                Duration.ofSeconds(5));
    }

    /** Every leaf part of a message with its content type. */
    static List<Part> leaves(Part part) throws Exception {
        List<Part> found = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                found.addAll(leaves(child));
            }
        } else {
            found.add(part);
        }
        return found;
    }

    static Optional<Part> part(MimeMessage message, String contentTypePrefix) throws Exception {
        for (Part p : leaves(message)) {
            if (p.getContentType().toLowerCase().startsWith(contentTypePrefix)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        try (InputStream in = (InputStream) content) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The text/calendar alternative of an invite, parsed back with ical4j. */
    static Calendar invite(MimeMessage message) throws Exception {
        Part calendar = part(message, "text/calendar").orElseThrow(() -> new AssertionError("no text/calendar part"));
        return new CalendarBuilder().build(new StringReader(text(calendar)));
    }

    static String mimeMethod(MimeMessage message) throws Exception {
        Part calendar = part(message, "text/calendar").orElseThrow();
        String type = calendar.getContentType().replaceAll("\\s+", "");
        int at = type.toLowerCase().indexOf("method=");
        return at < 0 ? null : type.substring(at + 7).split(";")[0].replace("\"", "");
    }

    static String property(Calendar calendar, String component, String name) {
        if (component == null) {
            return calendar.<net.fortuna.ical4j.model.Property>getProperty(name)
                    .map(net.fortuna.ical4j.model.Property::getValue).orElse(null);
        }
        Optional<net.fortuna.ical4j.model.component.CalendarComponent> found = calendar.getComponent(component);
        return found.flatMap(c -> c.<net.fortuna.ical4j.model.Property>getProperty(name))
                .map(net.fortuna.ical4j.model.Property::getValue).orElse(null);
    }

    static JsonNode notifications(ApiClient client, String bookingId) {
        ApiClient.Reply r = client.get("/api/v1/notifications?bookingId=" + bookingId);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
