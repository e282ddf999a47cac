package com.venuedesk.server.calendar;

import com.venuedesk.server.persistence.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A resource's bookings as an iCalendar feed that staff subscribe to from Outlook, Google Calendar or Thunderbird,
 * opened by a per-resource secret token that a manager creates and rotates (only its SHA-256 is stored; a new token
 * replaces the old, which stops working at once). Guests' names stay out unless the manager chose to include them;
 * notes and contact data never go in. Times are UTC; events from 30 days back to a year ahead.
 */
public final class CalendarFeed {
    private static final Duration PAST = Duration.ofDays(30);
    private static final Duration AHEAD = Duration.ofDays(366);
    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CalendarFeed(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new token for the resource's feed, replacing any earlier one; empty when there is no such resource. */
    public Optional<String> rotateToken(UUID resourceId, boolean includeGuests, UUID by) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return db.inTransaction(session -> session.doReturningWork(c -> {
            if (resourceName(c, resourceId).isEmpty()) {
                return Optional.<String>empty();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM calendar_feed_token WHERE resource_id = ?")) {
                s.setObject(1, resourceId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO calendar_feed_token (resource_id, token_hash,"
                    + " include_guests, created_at, created_by) VALUES (?, ?, ?, ?, ?)")) {
                s.setObject(1, resourceId);
                s.setString(2, hash(token));
                s.setBoolean(3, includeGuests);
                s.setObject(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                s.setObject(5, by);
                s.executeUpdate();
            }
            return Optional.of(token);
        }));
    }

    /** The feed's VCALENDAR text, or empty when the token is not the resource's current one. */
    public Optional<String> feed(UUID resourceId, String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return db.inTransaction(session -> session.doReturningWork(c -> {
            Optional<Boolean> includeGuests = check(c, resourceId, token);
            if (includeGuests.isEmpty()) {
                return Optional.<String>empty();
            }
            return Optional.of(render(c, resourceId, includeGuests.get()));
        }));
    }

    private static Optional<Boolean> check(Connection c, UUID resourceId, String token) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT token_hash, include_guests FROM calendar_feed_token"
                + " WHERE resource_id = ?")) {
            s.setObject(1, resourceId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                boolean same = MessageDigest.isEqual(r.getString(1).getBytes(StandardCharsets.US_ASCII),
                        hash(token).getBytes(StandardCharsets.US_ASCII));
                return same ? Optional.of(r.getBoolean(2)) : Optional.empty();
            }
        }
    }

    private String render(Connection c, UUID resourceId, boolean includeGuests) throws SQLException {
        Instant now = clock.instant();
        String name = resourceName(c, resourceId).orElse("Resource");
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//VenueDesk//Resource feed 1.0//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        try (PreparedStatement s = c.prepareStatement("SELECT b.id, b.start_at, b.end_at, b.status, b.revision, u.name,"
                + " r.address, r.city FROM booking b JOIN resource r ON r.id = b.resource_id"
                + " JOIN customer u ON u.id = b.customer_id WHERE b.resource_id = ? AND b.deleted = FALSE"
                + " AND b.status IN ('PENDING', 'CONFIRMED') AND b.end_at > ? AND b.start_at < ? ORDER BY b.start_at")) {
            s.setObject(1, resourceId);
            s.setObject(2, OffsetDateTime.ofInstant(now.minus(PAST), ZoneOffset.UTC));
            s.setObject(3, OffsetDateTime.ofInstant(now.plus(AHEAD), ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    boolean pending = "PENDING".equals(r.getString(4));
                    String summary = (includeGuests ? r.getString(6) : "Booked") + (pending ? " (awaiting approval)" : "");
                    VEvent event = new VEvent(r.getObject(2, OffsetDateTime.class).toInstant(),
                            r.getObject(3, OffsetDateTime.class).toInstant(), summary);
                    event.add(new Uid("booking-" + r.getObject(1, UUID.class) + "@venuedesk"));
                    event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, r.getLong(5))));
                    event.add(new DtStamp(now));
                    event.add(pending ? ImmutableStatus.VEVENT_TENTATIVE : ImmutableStatus.VEVENT_CONFIRMED);
                    event.add(new Location(r.getString(7) == null ? name : name + ", " + r.getString(7)
                            + (r.getString(8) == null ? "" : ", " + r.getString(8))));
                    event.add(new Description(name));
                    calendar.add(event);
                }
            }
        }
        return calendar.toString();
    }

    private static Optional<String> resourceName(Connection c, UUID resourceId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT name FROM resource WHERE id = ? AND deleted = FALSE")) {
            s.setObject(1, resourceId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
