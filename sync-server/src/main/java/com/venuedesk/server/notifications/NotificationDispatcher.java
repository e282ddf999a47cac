package com.venuedesk.server.notifications;

import com.venuedesk.model.sync.EntityType;
import com.venuedesk.server.consumers.LogConsumer;
import com.venuedesk.server.history.ChangeFeed;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer of the venue's history that turns booking events into notifications: rows in the {@code notification}
 * outbox, written in the transaction that moves this consumer's cursor past the event, so each intent is recorded
 * exactly once whichever server instance reads it (and keyed by the event, {@code event_key}, should the event be
 * handed over again by an admin's retry). It sends nothing itself: {@link NotificationSender} delivers.
 *
 * <p>Confirmed (made on a resource without approval, or approved): a confirmation with a REQUEST invite, and a
 * reminder. Moved while confirmed: an update (same UID, SEQUENCE = the new revision) and the reminder recomputed.
 * Cancelled after a confirmation: a CANCEL invite. Waiting for approval: a message to the managers. A booking over
 * already is not notified (a consumer that catches up on an old history).
 */
public final class NotificationDispatcher implements LogConsumer {
    public static final String NAME = "notifications";
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);
    static final String NO_MAIL_SERVER = "not sent: no mail server configured";
    static final String NO_SMS_PROVIDER = "not sent: no SMS provider configured";

    private final NotificationSettings settings;
    private final Templates templates;
    private final UnsubscribeTokens unsubscribe;
    private final Supplier<URI> publicUrl;
    private final ReminderSchedule reminders;
    private final Clock clock;

    public NotificationDispatcher(NotificationSettings settings, Templates templates, UnsubscribeTokens unsubscribe,
                                  Supplier<URI> publicUrl, Clock clock) {
        this.settings = settings;
        this.templates = templates;
        this.unsubscribe = unsubscribe;
        this.publicUrl = publicUrl;
        this.reminders = new ReminderSchedule(settings.reminderLead());
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void handle(Session session, ChangeFeed.Row event) {
        if (event.type() != EntityType.BOOKING) {
            return;
        }
        session.doWork(c -> dispatch(c, event));
    }

    private void dispatch(Connection c, ChangeFeed.Row event) throws SQLException {
        Instant now = clock.instant();
        Optional<BookingFacts> found = facts(c, event.entityId());
        if (found.isEmpty()) {
            return;
        }
        BookingFacts booking = found.get();
        boolean confirmed = "CONFIRMED".equals(booking.status());
        switch (event.action()) {
            case CREATED, APPROVED -> {
                if (!booking.end().isAfter(now)) {
                    return;
                }
                if (confirmed) {
                    toGuest(c, booking, event, NotificationKind.CONFIRMATION, Invite.Method.REQUEST, now);
                    remind(c, booking, event, now);
                } else if ("PENDING".equals(booking.status()) && event.action() == com.venuedesk.model.sync.HistoryAction.CREATED) {
                    toManagers(c, booking, event, now);
                }
            }
            case RESCHEDULED, RESOURCE_CHANGED -> {
                NotificationStore.supersedeReminders(c, booking.bookingId(), "the booking moved (revision "
                        + event.revision() + ")", now);
                if (confirmed && booking.end().isAfter(now)) {
                    toGuest(c, booking, event, NotificationKind.UPDATE, Invite.Method.REQUEST, now);
                    remind(c, booking, event, now);
                }
            }
            case CANCELLED -> {
                NotificationStore.supersedeReminders(c, booking.bookingId(), "the booking was cancelled", now);
                if (guestWasConfirmed(c, booking.bookingId()) && booking.end().isAfter(now)) {
                    toGuest(c, booking, event, NotificationKind.CANCELLATION, Invite.Method.CANCEL, now);
                }
            }
            case EXPIRED, NO_SHOW, COMPLETED -> NotificationStore.supersedeReminders(c, booking.bookingId(),
                    "the booking is " + booking.status(), now);
            default -> {
                // notes, check-in, a changed guest (the new guest hears of the next change): nothing to tell
            }
        }
    }

    private void toGuest(Connection c, BookingFacts booking, ChangeFeed.Row event, NotificationKind kind,
                         Invite.Method method, Instant now) throws SQLException {
        ContactPreferences.Preference pref = ContactPreferences.read(c, booking.customerId());
        email(c, booking, event, kind, method, pref, now, now, null);
        if (kind == NotificationKind.CONFIRMATION && pref.smsOptIn()) {
            sms(c, booking, event, kind, pref, now, now, null);
        }
    }

    private void remind(Connection c, BookingFacts booking, ChangeFeed.Row event, Instant now) throws SQLException {
        Optional<Instant> due = reminders.dueAt(booking.start(), booking.zone(), now);
        if (due.isEmpty()) {
            LOG.info("no reminder for bookingId={}: it starts within the lead of {}", booking.bookingId(), reminders.lead());
            return;
        }
        ContactPreferences.Preference pref = ContactPreferences.read(c, booking.customerId());
        email(c, booking, event, NotificationKind.REMINDER, null, pref, due.get(), now, booking.start());
        if (pref.smsOptIn()) {
            sms(c, booking, event, NotificationKind.REMINDER, pref, due.get(), now, booking.start());
        }
    }

    private void email(Connection c, BookingFacts booking, ChangeFeed.Row event, NotificationKind kind,
                       Invite.Method method, ContactPreferences.Preference pref, Instant due, Instant now,
                       Instant expires) throws SQLException {
        String why = booking.email() == null || booking.email().isBlank() ? "not sent: the guest has no e-mail address"
                : !pref.wantsEmail() ? "not sent: the guest opted out of e-mail"
                : settings.smtp() == null ? NO_MAIL_SERVER : null;
        UUID id = UUID.randomUUID();
        String unsubscribeUrl = publicUrl.get() + "/api/v1/notifications/unsubscribe?token="
                + unsubscribe.tokenFor(booking.customerId());
        MailContent mail = Wording.mail(kind, pref.language(), booking, settings.venueName(), unsubscribeUrl);
        String ics = method == null ? null : Invite.of(method, booking.bookingId(), event.revision(), booking.start(),
                booking.end(), booking.resourceName() + " - " + settings.venueName(), location(booking),
                mail.heading(), organizer(), settings.venueName(), booking.email(), booking.customerName(), now);
        record(c, new NotificationStore.NewNotification(id, key(event, kind, Channel.EMAIL, ""), booking.bookingId(),
                booking.customerId(), kind, Channel.EMAIL, blankToNull(booking.email()), mail.language(),
                event.revision(), why == null ? NotificationState.QUEUED : NotificationState.SKIPPED, due, expires,
                mail.subject(), templates.text(mail), templates.html(mail), ics, method, why), now);
    }

    private void sms(Connection c, BookingFacts booking, ChangeFeed.Row event, NotificationKind kind,
                     ContactPreferences.Preference pref, Instant due, Instant now, Instant expires) throws SQLException {
        String why = booking.phone() == null || booking.phone().isBlank() ? "not sent: the guest has no phone number"
                : pref.smsOptOut() ? "not sent: the guest replied STOP"
                : settings.sms() == null ? NO_SMS_PROVIDER : null;
        String text = Wording.sms(kind, pref.language(), booking, settings.venueName());
        record(c, new NotificationStore.NewNotification(UUID.randomUUID(), key(event, kind, Channel.SMS, ""),
                booking.bookingId(), booking.customerId(), kind, Channel.SMS, blankToNull(booking.phone()),
                Wording.language(pref.language()), event.revision(),
                why == null ? NotificationState.QUEUED : NotificationState.SKIPPED, due, expires, null, text, null,
                null, null, why), now);
    }

    private void toManagers(Connection c, BookingFacts booking, ChangeFeed.Row event, Instant now) throws SQLException {
        MailContent mail = Wording.mail(NotificationKind.APPROVAL_NEEDED, "en", booking, settings.venueName(), null);
        List<String> to = settings.managerEmails().isEmpty() ? java.util.Collections.singletonList(null)
                : settings.managerEmails();
        for (String manager : to) {
            String why = manager == null ? "not sent: no manager e-mail configured (--manager-email)"
                    : settings.smtp() == null ? NO_MAIL_SERVER : null;
            record(c, new NotificationStore.NewNotification(UUID.randomUUID(),
                    key(event, NotificationKind.APPROVAL_NEEDED, Channel.EMAIL, manager == null ? "" : ":" + manager),
                    booking.bookingId(), null, NotificationKind.APPROVAL_NEEDED, Channel.EMAIL, manager, "en",
                    event.revision(), why == null ? NotificationState.QUEUED : NotificationState.SKIPPED, now, null,
                    mail.subject(), templates.text(mail), templates.html(mail), null, null, why), now);
        }
    }

    private static void record(Connection c, NotificationStore.NewNotification n, Instant now) throws SQLException {
        if (NotificationStore.insertIfAbsent(c, n, now)) {
            LOG.info("notification recorded notificationId={} bookingId={} kind={} channel={} state={} due={}", n.id(),
                    n.bookingId(), n.kind(), n.channel(), n.state(), n.dueAt());
        }
    }

    /** The event's key: one notification per booking revision, kind, channel (and manager). */
    private static String key(ChangeFeed.Row event, NotificationKind kind, Channel channel, String suffix) {
        return "booking:" + event.entityId() + ":" + event.revision() + ":" + event.action() + ":" + kind + ":"
                + channel + suffix;
    }

    private String organizer() {
        return settings.smtp() != null ? settings.smtp().fromAddress() : "noreply@venuedesk.invalid";
    }

    private static String location(BookingFacts booking) {
        return booking.address() == null ? booking.resourceName() : booking.resourceName() + ", " + booking.address();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean guestWasConfirmed(Connection c, UUID bookingId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM notification WHERE booking_id = ? AND kind IN"
                + " ('CONFIRMATION', 'UPDATE') FETCH FIRST 1 ROWS ONLY")) {
            s.setObject(1, bookingId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** The booking as it is now, with its resource and guest; empty when it is gone. */
    static Optional<BookingFacts> facts(Connection c, UUID bookingId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT b.id, b.revision, b.status, b.start_at, b.end_at,"
                + " r.id, r.name, r.address, r.city, r.country, r.time_zone, u.id, u.name, u.email, u.phone"
                + " FROM booking b JOIN resource r ON r.id = b.resource_id JOIN customer u ON u.id = b.customer_id"
                + " WHERE b.id = ? AND b.deleted = FALSE")) {
            s.setObject(1, bookingId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                List<String> address = new ArrayList<>();
                for (int i = 8; i <= 10; i++) {
                    String part = r.getString(i);
                    if (part != null && !part.isBlank()) {
                        address.add(part.strip());
                    }
                }
                return Optional.of(new BookingFacts(r.getObject(1, UUID.class), r.getLong(2), r.getString(3),
                        r.getObject(4, OffsetDateTime.class).toInstant(), r.getObject(5, OffsetDateTime.class).toInstant(),
                        r.getObject(6, UUID.class), r.getString(7), address.isEmpty() ? null : String.join(", ", address),
                        ZoneId.of(r.getString(11)), r.getObject(12, UUID.class), r.getString(13), r.getString(14),
                        r.getString(15)));
            }
        }
    }
}
