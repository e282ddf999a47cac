package com.venuedesk.server.notifications;

import com.venuedesk.server.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Guests' contact preferences: language, SMS wanted, and the opt-outs of the unsubscribe link and of STOP. */
public final class ContactPreferences {
    private final Database db;
    private final Clock clock;

    public ContactPreferences(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One guest's preferences; a guest without a row: English, e-mail yes, SMS no. */
    public record Preference(UUID customerId, String language, boolean emailOptOut, boolean smsOptIn,
                             boolean smsOptOut) {
        public static Preference defaults(UUID customerId) {
            return new Preference(customerId, "en", false, false, false);
        }

        public boolean wantsEmail() {
            return !emailOptOut;
        }

        public boolean wantsSms() {
            return smsOptIn && !smsOptOut;
        }
    }

    public Preference of(UUID customerId) {
        return db.inTransaction(session -> session.doReturningWork(c -> read(c, customerId)));
    }

    static Preference read(Connection c, UUID customerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT language, email_opt_out, sms_opt_in, sms_opt_out"
                + " FROM contact_preference WHERE customer_id = ?")) {
            s.setObject(1, customerId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Preference(customerId, r.getString(1), r.getBoolean(2), r.getBoolean(3),
                        r.getBoolean(4)) : Preference.defaults(customerId);
            }
        }
    }

    /** Stores a guest's preferences; empty when there is no such (live) customer. */
    public Optional<Preference> save(Preference p) {
        return db.inTransaction(session -> session.doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM customer WHERE id = ? AND deleted = FALSE")) {
                s.setObject(1, p.customerId());
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<Preference>empty();
                    }
                }
            }
            write(c, p);
            return Optional.of(p);
        }));
    }

    private void write(Connection c, Preference p) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE contact_preference SET language = ?, email_opt_out = ?,"
                + " sms_opt_in = ?, sms_opt_out = ?, updated_at = ? WHERE customer_id = ?")) {
            bind(s, p);
            if (s.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO contact_preference (language, email_opt_out,"
                + " sms_opt_in, sms_opt_out, updated_at, customer_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            bind(s, p);
            s.executeUpdate();
        }
    }

    private void bind(PreparedStatement s, Preference p) throws SQLException {
        s.setString(1, Wording.language(p.language()));
        s.setBoolean(2, p.emailOptOut());
        s.setBoolean(3, p.smsOptIn());
        s.setBoolean(4, p.smsOptOut());
        s.setObject(5, NotificationStore.at(clock.instant()));
        s.setObject(6, p.customerId());
    }

    /** The unsubscribe link was followed: no more e-mail to this guest. */
    public void optOutOfEmail(UUID customerId) {
        Preference p = of(customerId);
        save(new Preference(customerId, p.language(), true, p.smsOptIn(), p.smsOptOut()));
    }

    /** STOP came by SMS from this number: no more SMS to the guests who have it; how many were opted out. */
    public int optOutOfSms(String phone) {
        String wanted = digits(phone);
        List<UUID> guests = db.inTransaction(session -> session.doReturningWork(c -> {
            List<UUID> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, phone FROM customer WHERE phone IS NOT NULL"
                    + " AND deleted = FALSE")) {
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (!wanted.isEmpty() && digits(r.getString(2)).endsWith(wanted.length() > 9
                                ? wanted.substring(wanted.length() - 9) : wanted)) {
                            found.add(r.getObject(1, UUID.class));
                        }
                    }
                }
            }
            return found;
        }));
        for (UUID guest : guests) {
            Preference p = of(guest);
            save(new Preference(guest, p.language(), p.emailOptOut(), p.smsOptIn(), true));
        }
        return guests.size();
    }

    static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("[^0-9]", "");
    }
}
