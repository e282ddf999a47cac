package com.venuedesk.server.notifications;

import com.venuedesk.server.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The {@code notification} outbox and its {@code notification_step} timeline, in plain SQL (H2 and PostgreSQL). */
public final class NotificationStore {
    private static final int ERROR_MAX = 2000;
    private static final String COLUMNS = "id, booking_id, customer_id, kind, channel, recipient, language,"
            + " booking_revision, state, attempts, due_at, next_attempt_at, last_error, provider_id, delivery_status,"
            + " created_at, updated_at, sent_at, subject, ics_method";

    private final Database db;

    public NotificationStore(Database db) {
        this.db = db;
    }

    /** A notification to record. {@code state} is QUEUED or SKIPPED (then {@code lastError} says why). */
    public record NewNotification(UUID id, String eventKey, UUID bookingId, UUID customerId, NotificationKind kind,
                                  Channel channel, String recipient, String language, Long revision,
                                  NotificationState state, Instant dueAt, Instant expiresAt, String subject,
                                  String text, String html, String ics, Invite.Method icsMethod, String lastError) { }

    /** A notification as staff and admins see it (without its bodies). */
    public record Notification(UUID id, UUID bookingId, UUID customerId, NotificationKind kind, Channel channel,
                               String recipient, String language, Long bookingRevision, NotificationState state,
                               int attempts, Instant dueAt, Instant nextAttemptAt, String lastError, String providerId,
                               String deliveryStatus, Instant createdAt, Instant updatedAt, Instant sentAt,
                               String subject, String icsMethod, List<Step> steps) { }

    /** One step of a notification's timeline. */
    public record Step(Instant at, String step, String detail) { }

    /** A notification claimed for sending: its content, and whether an earlier send of it was cut short. */
    public record Claimed(UUID id, UUID claimToken, NotificationKind kind, Channel channel, String recipient,
                          UUID customerId, String subject, String text, String html, String ics, String icsMethod,
                          int attempts, boolean interrupted, Instant expiresAt) { }

    /** Records a notification unless one with its event key exists; true when it was recorded now. */
    static boolean insertIfAbsent(Connection c, NewNotification n, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM notification WHERE event_key = ?")) {
            s.setString(1, n.eventKey());
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO notification (id, event_key, booking_id, customer_id,"
                + " kind, channel, recipient, language, booking_revision, state, attempts, due_at, expires_at,"
                + " next_attempt_at, subject, body_text, body_html, ics, ics_method, last_error, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, n.id());
            s.setString(2, n.eventKey());
            s.setObject(3, n.bookingId());
            s.setObject(4, n.customerId());
            s.setString(5, n.kind().name());
            s.setString(6, n.channel().name());
            s.setString(7, n.recipient());
            s.setString(8, n.language());
            s.setObject(9, n.revision());
            s.setString(10, n.state().name());
            s.setObject(11, at(n.dueAt()));
            s.setObject(12, at(n.expiresAt()));
            s.setObject(13, at(n.dueAt()));
            s.setString(14, n.subject());
            s.setString(15, n.text());
            s.setString(16, n.html());
            s.setString(17, n.ics());
            s.setString(18, n.icsMethod() == null ? null : n.icsMethod().name());
            s.setString(19, cut(n.lastError()));
            s.setObject(20, at(now));
            s.setObject(21, at(now));
            s.executeUpdate();
        }
        step(c, n.id(), n.state().name(), n.state() == NotificationState.QUEUED ? "due " + n.dueAt() : n.lastError(), now);
        return true;
    }

    /** Reminders of a booking not sent yet become SUPERSEDED (the booking moved or ended); how many. */
    static int supersedeReminders(Connection c, UUID bookingId, String why, Instant now) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM notification WHERE booking_id = ? AND kind = ?"
                + " AND state IN ('QUEUED', 'FAILED')")) {
            s.setObject(1, bookingId);
            s.setString(2, NotificationKind.REMINDER.name());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getObject(1, UUID.class));
                }
            }
        }
        for (UUID id : ids) {
            try (PreparedStatement s = c.prepareStatement("UPDATE notification SET state = 'SUPERSEDED', updated_at = ?,"
                    + " last_error = ? WHERE id = ?")) {
                s.setObject(1, at(now));
                s.setString(2, why);
                s.setObject(3, id);
                s.executeUpdate();
            }
            step(c, id, NotificationState.SUPERSEDED.name(), why, now);
        }
        return ids.size();
    }

    /**
     * Claims up to {@code limit} notifications on the channels given that are due (QUEUED or FAILED and past their
     * next attempt) or whose SENDING lease ran out (a send cut short): in one transaction, rows locked FOR UPDATE SKIP
     * LOCKED so that instances claiming at once never take the same row, each marked SENDING with a new claim token,
     * one more attempt and a lease until {@code leaseUntil}.
     */
    public List<Claimed> claim(Collection<Channel> channels, Instant now, Instant leaseUntil, String instance, int limit) {
        if (channels.isEmpty()) {
            return List.of();
        }
        String in = channels.stream().map(ch -> "'" + ch.name() + "'").collect(Collectors.joining(", "));
        return db.inTransaction(session -> session.doReturningWork(c -> {
            List<Claimed> claimed = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, kind, channel, recipient, customer_id, subject,"
                    + " body_text, body_html, ics, ics_method, attempts, state, expires_at FROM notification"
                    + " WHERE channel IN (" + in + ") AND ((state IN ('QUEUED', 'FAILED') AND next_attempt_at <= ?)"
                    + " OR (state = 'SENDING' AND lease_until < ?))"
                    + " ORDER BY next_attempt_at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                s.setObject(1, at(now));
                s.setObject(2, at(now));
                s.setInt(3, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        OffsetDateTime expires = r.getObject(13, OffsetDateTime.class);
                        claimed.add(new Claimed(r.getObject(1, UUID.class), UUID.randomUUID(),
                                NotificationKind.valueOf(r.getString(2)), Channel.valueOf(r.getString(3)),
                                r.getString(4), r.getObject(5, UUID.class), r.getString(6), r.getString(7),
                                r.getString(8), r.getString(9), r.getString(10), r.getInt(11) + 1,
                                "SENDING".equals(r.getString(12)), expires == null ? null : expires.toInstant()));
                    }
                }
            }
            for (Claimed n : claimed) {
                try (PreparedStatement s = c.prepareStatement("UPDATE notification SET state = 'SENDING', attempts = ?,"
                        + " claim_token = ?, claimed_by = ?, lease_until = ?, updated_at = ? WHERE id = ?")) {
                    s.setInt(1, n.attempts());
                    s.setObject(2, n.claimToken());
                    s.setString(3, instance);
                    s.setObject(4, at(leaseUntil));
                    s.setObject(5, at(now));
                    s.setObject(6, n.id());
                    s.executeUpdate();
                }
                step(c, n.id(), "SENDING", (n.interrupted() ? "again after an interrupted send; " : "") + "attempt "
                        + n.attempts() + " by " + instance, now);
            }
            return claimed;
        }));
    }

    /**
     * Ends a claimed send: SENT, FAILED (retry at {@code retryAt}), DEAD or SKIPPED. Only the holder of the claim may
     * (the claim token must still be the row's); false when another instance took the row meanwhile.
     */
    public boolean finish(Claimed n, NotificationState state, String detail, String providerId, Instant retryAt,
                          Instant now) {
        return db.inTransaction(session -> session.doReturningWork(c -> {
            int changed;
            try (PreparedStatement s = c.prepareStatement("UPDATE notification SET state = ?, last_error = ?,"
                    + " provider_id = COALESCE(?, provider_id), next_attempt_at = COALESCE(?, next_attempt_at),"
                    + " sent_at = ?, lease_until = NULL, updated_at = ? WHERE id = ? AND claim_token = ?"
                    + " AND state = 'SENDING'")) {
                s.setString(1, state.name());
                s.setString(2, state == NotificationState.SENT ? null : cut(detail));
                s.setString(3, providerId);
                s.setObject(4, at(retryAt));
                s.setObject(5, state == NotificationState.SENT ? at(now) : null);
                s.setObject(6, at(now));
                s.setObject(7, n.id());
                s.setObject(8, n.claimToken());
                changed = s.executeUpdate();
            }
            if (changed > 0) {
                step(c, n.id(), state.name(), state == NotificationState.FAILED ? detail + "; next attempt " + retryAt
                        : detail, now);
            }
            return changed > 0;
        }));
    }

    /** An admin's retry: a FAILED or DEAD notification is QUEUED again, due now. Empty when there is none. */
    public Optional<Notification> retry(UUID id, String byWhom, Instant now) {
        return db.inTransaction(session -> session.doReturningWork(c -> {
            String state;
            try (PreparedStatement s = c.prepareStatement("SELECT state FROM notification WHERE id = ? FOR UPDATE")) {
                s.setObject(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<Notification>empty();
                    }
                    state = r.getString(1);
                }
            }
            if (!state.equals("FAILED") && !state.equals("DEAD")) {
                throw new NotRetryable(id, state);
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE notification SET state = 'QUEUED', attempts = 0,"
                    + " next_attempt_at = ?, updated_at = ? WHERE id = ?")) {
                s.setObject(1, at(now));
                s.setObject(2, at(now));
                s.setObject(3, id);
                s.executeUpdate();
            }
            step(c, id, "RETRIED", "by " + byWhom + " (was " + state + ")", now);
            return Optional.of(read(c, id));
        }));
    }

    /** Refused: only a FAILED or DEAD notification can be retried. */
    public static final class NotRetryable extends RuntimeException {
        private final String state;

        NotRetryable(UUID id, String state) {
            super("notification " + id + " is " + state + "; only FAILED or DEAD ones can be retried");
            this.state = state;
        }

        public String state() {
            return state;
        }
    }

    /** A provider's word on a sent message (SMS status callback): delivered, undelivered, failed. */
    public boolean recordDelivery(String providerId, String status, Instant now) {
        return db.inTransaction(session -> session.doReturningWork(c -> {
            UUID id;
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM notification WHERE provider_id = ?")) {
                s.setString(1, providerId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return false;
                    }
                    id = r.getObject(1, UUID.class);
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE notification SET delivery_status = ?, updated_at = ?"
                    + " WHERE id = ?")) {
                s.setString(1, status);
                s.setObject(2, at(now));
                s.setObject(3, id);
                s.executeUpdate();
            }
            boolean bounced = status.equals("undelivered") || status.equals("failed");
            step(c, id, bounced ? "BOUNCED" : status.toUpperCase(java.util.Locale.ROOT), "provider: " + status, now);
            return true;
        }));
    }

    /** A confirmed arrival whose reminder did not reach the guest, with what staff need to phone them. */
    public record UnremindedArrival(UUID bookingId, Instant start, Instant end, String resourceName,
                                    String customerName, String phone, String email, List<String> reasons) { }

    /**
     * Confirmed bookings starting in [from, to) with a reminder that FAILED, is DEAD or was SKIPPED (no address,
     * opted out, no mail server) and none SENT on any channel: the guests staff should phone. By start.
     */
    public List<UnremindedArrival> unremindedArrivals(Instant from, Instant to) {
        return db.inTransaction(session -> session.doReturningWork(c -> {
            java.util.Map<UUID, UnremindedArrival> found = new java.util.LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT b.id, b.start_at, b.end_at, r.name, u.name, u.phone,"
                    + " u.email, n.channel, n.state, n.last_error FROM notification n"
                    + " JOIN booking b ON b.id = n.booking_id JOIN resource r ON r.id = b.resource_id"
                    + " JOIN customer u ON u.id = b.customer_id"
                    + " WHERE n.kind = 'REMINDER' AND n.state IN ('FAILED', 'DEAD', 'SKIPPED')"
                    + " AND b.status = 'CONFIRMED' AND b.deleted = FALSE AND b.start_at >= ? AND b.start_at < ?"
                    + " AND NOT EXISTS (SELECT 1 FROM notification m WHERE m.booking_id = b.id AND m.kind = 'REMINDER'"
                    + " AND m.state = 'SENT') ORDER BY b.start_at, b.id")) {
                s.setObject(1, at(from));
                s.setObject(2, at(to));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        UUID id = r.getObject(1, UUID.class);
                        String reason = r.getString(8) + " " + r.getString(9)
                                + (r.getString(10) == null ? "" : ": " + r.getString(10));
                        UnremindedArrival known = found.get(id);
                        List<String> reasons = new ArrayList<>(known == null ? List.of() : known.reasons());
                        reasons.add(reason);
                        found.put(id, new UnremindedArrival(id, instant(r, 2), instant(r, 3), r.getString(4),
                                r.getString(5), r.getString(6), r.getString(7), List.copyOf(reasons)));
                    }
                }
            }
            return List.copyOf(found.values());
        }));
    }

    /** Notifications newest first, of one booking and/or in one state (both optional), with their timelines. */
    public List<Notification> list(UUID bookingId, NotificationState state, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM notification WHERE 1 = 1");
        if (bookingId != null) {
            sql.append(" AND booking_id = ?");
        }
        if (state != null) {
            sql.append(" AND state = ?");
        }
        sql.append(" ORDER BY created_at DESC, id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return db.inTransaction(session -> session.doReturningWork(c -> {
            List<Notification> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int i = 1;
                if (bookingId != null) {
                    s.setObject(i++, bookingId);
                }
                if (state != null) {
                    s.setString(i, state.name());
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(of(r, List.of()));
                    }
                }
            }
            List<Notification> withSteps = new ArrayList<>();
            for (Notification n : found) {
                withSteps.add(withSteps(c, n));
            }
            return withSteps;
        }));
    }

    private static Notification read(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM notification WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return withSteps(c, of(r, List.of()));
            }
        }
    }

    private static Notification withSteps(Connection c, Notification n) throws SQLException {
        List<Step> steps = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT at, step, detail FROM notification_step"
                + " WHERE notification_id = ? ORDER BY seq")) {
            s.setObject(1, n.id());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    steps.add(new Step(r.getObject(1, OffsetDateTime.class).toInstant(), r.getString(2), r.getString(3)));
                }
            }
        }
        return new Notification(n.id(), n.bookingId(), n.customerId(), n.kind(), n.channel(), n.recipient(),
                n.language(), n.bookingRevision(), n.state(), n.attempts(), n.dueAt(), n.nextAttemptAt(),
                n.lastError(), n.providerId(), n.deliveryStatus(), n.createdAt(), n.updatedAt(), n.sentAt(),
                n.subject(), n.icsMethod(), steps);
    }

    private static Notification of(ResultSet r, List<Step> steps) throws SQLException {
        long revision = r.getLong(8);
        Long rev = r.wasNull() ? null : revision;
        return new Notification(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getObject(3, UUID.class),
                NotificationKind.valueOf(r.getString(4)), Channel.valueOf(r.getString(5)), r.getString(6),
                r.getString(7), rev, NotificationState.valueOf(r.getString(9)), r.getInt(10), instant(r, 11),
                instant(r, 12), r.getString(13), r.getString(14), r.getString(15), instant(r, 16), instant(r, 17),
                instant(r, 18), r.getString(19), r.getString(20), steps);
    }

    static void step(Connection c, UUID notificationId, String step, String detail, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO notification_step (id, notification_id, at, step,"
                + " detail) VALUES (?, ?, ?, ?, ?)")) {
            s.setObject(1, UUID.randomUUID());
            s.setObject(2, notificationId);
            s.setObject(3, at(now));
            s.setString(4, step);
            s.setString(5, cut(detail));
            s.executeUpdate();
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime at(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static String cut(String text) {
        return text == null || text.length() <= ERROR_MAX ? text : text.substring(0, ERROR_MAX);
    }

}
