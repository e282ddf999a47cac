package com.venuedesk.server.notifications;

import com.venuedesk.model.domain.Role;
import com.venuedesk.server.api.ApiException;
import com.venuedesk.server.api.Requests;
import com.venuedesk.server.api.RouteTable;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications over HTTP: the outbox for staff (a booking's delivery timeline) and admins (retry), guests' contact
 * preferences, the unsubscribe link, and the SMS provider's callbacks (status, and STOP replies), whose signature is
 * checked before anything is believed.
 */
public final class NotificationApi {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationApi.class);
    public static final int MAX_LIMIT = 500;
    static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private final NotificationStore store;
    private final ContactPreferences preferences;
    private final UnsubscribeTokens unsubscribe;
    private final ProviderSignature providerSignature;
    private final NotificationSettings settings;
    private final Supplier<URI> publicUrl;
    private final Clock clock;

    /** {@code providerSignature} null: no SMS provider, so its callbacks are refused. */
    public NotificationApi(NotificationStore store, ContactPreferences preferences, UnsubscribeTokens unsubscribe,
                           ProviderSignature providerSignature, NotificationSettings settings, Supplier<URI> publicUrl,
                           Clock clock) {
        this.store = store;
        this.preferences = preferences;
        this.unsubscribe = unsubscribe;
        this.providerSignature = providerSignature;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** The request's body for a guest's preferences. */
    public record PreferenceBody(String language, Boolean emailOptOut, Boolean smsOptIn, Boolean smsOptOut) { }

    public void routes(RouteTable routes) {
        routes.get("/api/v1/notifications", Role.FRONT_DESK,
                "Notifications newest first (?bookingId= ?state=QUEUED|SENDING|SENT|FAILED|DEAD|SKIPPED|SUPERSEDED"
                        + " ?limit=), each with its delivery timeline (steps)", this::list);
        routes.get("/api/v1/notifications/delivery", Role.FRONT_DESK,
                "Whether this server sends e-mail and SMS: {email, sms} (false: recorded and shown, not sent)",
                ctx -> ctx.json(Map.of("email", settings.smtp() != null, "sms", settings.sms() != null,
                        "emailNote", settings.smtp() != null ? "sent" : NotificationDispatcher.NO_MAIL_SERVER)));
        routes.get("/api/v1/notifications/unreminded-arrivals", Role.FRONT_DESK,
                "Confirmed bookings starting in [from, to) whose reminder failed, died or was skipped, and none was"
                        + " sent: {bookingId, start, end, resourceName, customerName, phone, email, reasons}, so staff"
                        + " can phone them (the desk asks for today in its zone)", this::unreminded);
        routes.post("/api/v1/notifications/{id}/retry", Role.ADMIN,
                "Queue a FAILED or DEAD notification again, due now (409 for any other state)", this::retry);
        routes.get("/api/v1/customers/{id}/contact-preferences", Role.FRONT_DESK,
                "A guest's contact preferences: language (en|de), emailOptOut, smsOptIn, smsOptOut", this::preference);
        routes.put("/api/v1/customers/{id}/contact-preferences", Role.FRONT_DESK,
                "Set a guest's contact preferences (fields left out keep their value)", this::savePreference);
        routes.get("/api/v1/notifications/unsubscribe", null,
                "The unsubscribe link of an e-mail (?token=): no more e-mail to that guest", this::unsubscribe);
        routes.post("/api/v1/notifications/unsubscribe", null,
                "One-click unsubscribe (RFC 8058) for the same link", this::unsubscribe);
        routes.post("/api/v1/notifications/sms/status", null,
                "The SMS provider's status callback (signed; MessageSid, MessageStatus)", this::smsStatus);
        routes.post("/api/v1/notifications/sms/inbound", null,
                "SMS replies from guests (signed; From, Body): STOP opts the number out", this::smsInbound);
    }

    private void list(Context ctx) {
        UUID bookingId = Requests.uuidQuery(ctx, "bookingId", false);
        String rawState = ctx.queryParam("state");
        NotificationState state = null;
        if (rawState != null && !rawState.isBlank()) {
            try {
                state = NotificationState.valueOf(rawState.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("state", "state must be one of " + List.of(NotificationState.values()));
            }
        }
        ctx.json(store.list(bookingId, state, Requests.intQuery(ctx, "limit", 100, 1, MAX_LIMIT)));
    }

    private void unreminded(Context ctx) {
        java.time.Instant from = Requests.instantQuery(ctx, "from", true);
        java.time.Instant to = Requests.instantQuery(ctx, "to", true);
        if (!to.isAfter(from) || java.time.Duration.between(from, to).toDays() > 31) {
            throw ApiException.badRequest("to", "to must be after from, at most 31 days later");
        }
        ctx.json(store.unremindedArrivals(from, to));
    }

    private void retry(Context ctx) {
        UUID id = Requests.uuidPath(ctx, "id");
        try {
            ctx.json(store.retry(id, RouteTable.principal(ctx).username(), clock.instant())
                    .orElseThrow(() -> ApiException.notFound("Notification", id)));
        } catch (NotificationStore.NotRetryable e) {
            throw ApiException.conflict("not-retryable", "This notification cannot be retried", e.getMessage(),
                    Map.of("state", e.state()));
        }
    }

    private void preference(Context ctx) {
        ctx.json(preferences.of(Requests.uuidPath(ctx, "id")));
    }

    private void savePreference(Context ctx) {
        UUID id = Requests.uuidPath(ctx, "id");
        PreferenceBody body = Requests.body(ctx, PreferenceBody.class);
        if (body.language() != null && !Wording.LANGUAGES.contains(body.language())) {
            throw ApiException.badRequest("language", "language must be one of " + Wording.LANGUAGES);
        }
        ContactPreferences.Preference now = preferences.of(id);
        ContactPreferences.Preference wanted = new ContactPreferences.Preference(id,
                body.language() == null ? now.language() : body.language(),
                body.emailOptOut() == null ? now.emailOptOut() : body.emailOptOut(),
                body.smsOptIn() == null ? now.smsOptIn() : body.smsOptIn(),
                body.smsOptOut() == null ? now.smsOptOut() : body.smsOptOut());
        ctx.json(preferences.save(wanted).orElseThrow(() -> ApiException.notFound("Customer", id)));
    }

    private void unsubscribe(Context ctx) {
        UUID customer = unsubscribe.verify(ctx.queryParam("token"))
                .orElseThrow(() -> ApiException.badRequest("token", "this unsubscribe link is not valid"));
        preferences.optOutOfEmail(customer);
        LOG.info("guest customerId={} unsubscribed from e-mail", customer);
        ctx.contentType("text/html; charset=utf-8").result("<!DOCTYPE html><html><body><p>You will get no more e-mail"
                + " from " + escape(settings.venueName()) + ". / Sie erhalten keine E-Mails mehr von "
                + escape(settings.venueName()) + ".</p></body></html>");
    }

    private void smsStatus(Context ctx) {
        Map<String, String> form = signedForm(ctx);
        String sid = form.get("MessageSid");
        String status = form.get("MessageStatus");
        if (sid == null || status == null) {
            throw ApiException.badRequest(sid == null ? "MessageSid" : "MessageStatus", "MessageSid and MessageStatus are required");
        }
        boolean known = store.recordDelivery(sid, status.toLowerCase(Locale.ROOT), clock.instant());
        LOG.info("SMS status callback sid={} status={} known={}", sid, status, known);
        ctx.status(204);
    }

    private void smsInbound(Context ctx) {
        Map<String, String> form = signedForm(ctx);
        String body = form.getOrDefault("Body", "").strip().toUpperCase(Locale.ROOT);
        if (List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT").contains(body)) {
            int guests = preferences.optOutOfSms(form.get("From"));
            LOG.info("SMS STOP received; {} guest(s) opted out of SMS", guests);
        }
        ctx.status(204);
    }

    private Map<String, String> signedForm(Context ctx) {
        if (providerSignature == null) {
            throw ApiException.notFound("SMS provider", "(none configured)");
        }
        Map<String, String> form = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, values) -> form.put(name, values.isEmpty() ? "" : values.get(0)));
        String url = publicUrl.get() + ctx.path();
        if (!providerSignature.verify(url, form, ctx.header(SIGNATURE_HEADER))) {
            LOG.warn("SMS provider callback to {} refused: bad or missing signature", ctx.path());
            throw ApiException.forbidden("the callback's signature does not match");
        }
        return form;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
