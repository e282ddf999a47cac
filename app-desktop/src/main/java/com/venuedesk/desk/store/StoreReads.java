package com.venuedesk.desk.store;

import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.TimeRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The store's reads, in plain SQL on a JDBC connection: one of the pool's own ({@link DeskStore#query(Sql)}), which
 * needs no Hibernate, so they serve from the moment the store's schema is checked while Hibernate still boots (see
 * "Start-up" in {@code docs/SYNC-DESK.md}); or a write's, inside its transaction ({@link DeskStore#query(
 * org.hibernate.Session, Sql)}). Rows are read into the entity classes, unmanaged, and become records through
 * {@link Rows}, exactly as managed entities do. No HQL: its parser costs a cold desk half a second.
 */
final class StoreReads {
    /** Work on a connection. */
    @FunctionalInterface
    interface Sql<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static final String BOOKING = "SELECT payload, provisional, refused FROM booking ";
    private static final String HELD = BOOKING + "WHERE deleted = FALSE AND refused = FALSE ";

    private final Rows rows;

    StoreReads(Rows rows) {
        this.rows = rows;
    }

    // ---- bookings

    /** Bookings overlapping [from, to) with their provisional and refused flags, refused ones included; by start. */
    List<LocalBooking> bookingsBetween(Connection c, Instant from, Instant to) throws SQLException {
        return list(c, BOOKING + "WHERE deleted = FALSE AND start_at < ? AND end_at > ? ORDER BY start_at, id",
                row -> rows.localBooking(bookingRow(row)), to, from);
    }

    /** The booking with its flags, unless deleted. */
    Optional<LocalBooking> booking(Connection c, UUID bookingId) throws SQLException {
        return list(c, BOOKING + "WHERE deleted = FALSE AND id = ?", row -> rows.localBooking(bookingRow(row)), bookingId)
                .stream().findFirst();
    }

    /** Bookings that hold time on the resource within the range (refused ones do not), by start. */
    List<Booking> holding(Connection c, UUID resourceId, TimeRange range) throws SQLException {
        return list(c, HELD + "AND resource_id = ? AND start_at < ? AND end_at > ? ORDER BY start_at, id",
                row -> rows.booking(bookingRow(row)), resourceId, range.end(), range.start());
    }

    /** Bookings that hold time on any resource within the range, by start. */
    List<Booking> heldBetween(Connection c, TimeRange range) throws SQLException {
        return list(c, HELD + "AND start_at < ? AND end_at > ? ORDER BY start_at, id",
                row -> rows.booking(bookingRow(row)), range.end(), range.start());
    }

    /** The customer's bookings, refused ones excluded, by start. */
    List<Booking> bookingsOf(Connection c, UUID customerId) throws SQLException {
        return list(c, HELD + "AND customer_id = ? ORDER BY start_at, id", row -> rows.booking(bookingRow(row)), customerId);
    }

    private static BookingRow bookingRow(ResultSet r) throws SQLException {
        BookingRow row = new BookingRow();
        row.payload = r.getString(1);
        row.provisional = r.getBoolean(2);
        row.refused = r.getBoolean(3);
        return row;
    }

    // ---- resources, opening hours, blackouts

    /** Resources not deleted, by name. */
    List<Resource> resources(Connection c) throws SQLException {
        return list(c, "SELECT payload FROM resource WHERE deleted = FALSE ORDER BY name, id", r -> {
            ResourceRow row = new ResourceRow();
            row.payload = r.getString(1);
            return rows.resource(row);
        });
    }

    List<AvailabilityRule> rules(Connection c) throws SQLException {
        return list(c, "SELECT payload FROM availability_rule WHERE deleted = FALSE", this::rule);
    }

    List<AvailabilityRule> rulesOf(Connection c, UUID resourceId) throws SQLException {
        return list(c, "SELECT payload FROM availability_rule WHERE deleted = FALSE AND resource_id = ?", this::rule, resourceId);
    }

    private AvailabilityRule rule(ResultSet r) throws SQLException {
        RuleRow row = new RuleRow();
        row.payload = r.getString(1);
        return rows.rule(row);
    }

    List<Blackout> blackouts(Connection c) throws SQLException {
        return list(c, "SELECT payload FROM blackout WHERE deleted = FALSE", this::blackout);
    }

    /** The resource's blackouts and the venue-wide ones. */
    List<Blackout> blackoutsOf(Connection c, UUID resourceId) throws SQLException {
        return list(c, "SELECT payload FROM blackout WHERE deleted = FALSE AND (resource_id IS NULL OR resource_id = ?)",
                this::blackout, resourceId);
    }

    private Blackout blackout(ResultSet r) throws SQLException {
        BlackoutRow row = new BlackoutRow();
        row.payload = r.getString(1);
        return rows.blackout(row);
    }

    // ---- customers

    /** Customers whose search text is like {@code needle} (LIKE pattern, backslash escapes), by name. */
    List<Customer> searchCustomers(Connection c, String needle, int limit) throws SQLException {
        return list(c, "SELECT payload FROM customer WHERE deleted = FALSE AND search_text LIKE ? ESCAPE '\\' "
                + "ORDER BY name, id LIMIT ?", this::customer, needle, limit);
    }

    Optional<Customer> customer(Connection c, UUID customerId) throws SQLException {
        return list(c, "SELECT payload FROM customer WHERE deleted = FALSE AND id = ?", this::customer, customerId)
                .stream().findFirst();
    }

    private Customer customer(ResultSet r) throws SQLException {
        CustomerRow row = new CustomerRow();
        row.payload = r.getString(1);
        return rows.customer(row);
    }

    /** The names of those of the customers that exist (not deleted), by id. */
    Map<UUID, String> customerNames(Connection c, Collection<UUID> customerIds) throws SQLException {
        Map<UUID, String> names = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id, name FROM customer WHERE deleted = FALSE AND id = ANY(?)")) {
            p.setArray(1, c.createArrayOf("UUID", customerIds.toArray()));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    names.put(r.getObject(1, UUID.class), r.getString(2));
                }
            }
        }
        return names;
    }

    // ---- outbox, conflicts, credentials, sync state

    int pendingOutboxCount(Connection c) throws SQLException {
        return list(c, "SELECT COUNT(*) FROM outbox WHERE state = ?", r -> r.getInt(1), OutboxLedger.PENDING).get(0);
    }

    /** The record's pending mutations, oldest first. */
    List<OutboxEntry> pendingOutboxOf(Connection c, UUID entityId) throws SQLException {
        return list(c, "SELECT seq, mutation, created_at FROM outbox WHERE entity_id = ? AND state = ? ORDER BY seq",
                r -> new OutboxEntry(r.getLong(1), rows.json().mutation(r.getString(2)), r.getObject(3, Instant.class)),
                entityId, OutboxLedger.PENDING);
    }

    /** The booking's history as last fetched, if any. */
    Optional<CachedHistory> cachedHistory(Connection c, UUID bookingId) throws SQLException {
        return list(c, "SELECT fetched_at, entries, complete FROM booking_history WHERE booking_id = ?",
                r -> new CachedHistory(bookingId, r.getObject(1, Instant.class), rows.json().auditEntries(r.getString(2)),
                        r.getBoolean(3)), bookingId).stream().findFirst();
    }

    /** Conflicts not resolved yet, oldest first. */
    List<ConflictRow> openConflicts(Connection c) throws SQLException {
        return list(c, "SELECT mutation_id, booking_id, kind, reason, mutation, outcome, created_at, resolved, resolution_note "
                + "FROM conflict_item WHERE resolved = FALSE ORDER BY created_at, mutation_id", r -> {
                    ConflictRow row = new ConflictRow();
                    row.mutationId = r.getObject(1, UUID.class);
                    row.bookingId = r.getObject(2, UUID.class);
                    row.kind = r.getString(3);
                    row.reason = r.getString(4);
                    row.mutation = r.getString(5);
                    row.outcome = r.getString(6);
                    row.createdAt = r.getObject(7, Instant.class);
                    row.resolved = r.getBoolean(8);
                    row.resolutionNote = r.getString(9);
                    return row;
                });
    }

    boolean anyCredential(Connection c) throws SQLException {
        return list(c, "SELECT COUNT(*) FROM cached_credential", r -> r.getLong(1)).get(0) > 0;
    }

    /** The most recently cached username of the account (a renamed account may have left an older row). */
    Optional<String> usernameOf(Connection c, UUID userId) throws SQLException {
        return list(c, "SELECT username FROM cached_credential WHERE user_id = ? ORDER BY cached_at DESC FETCH FIRST 1 ROW ONLY",
                r -> r.getString(1), userId).stream().findFirst();
    }

    Optional<CredentialRow> credential(Connection c, String username) throws SQLException {
        return list(c, "SELECT username, user_id, role, password_hash, cached_at FROM cached_credential WHERE username = ?", r -> {
            CredentialRow row = new CredentialRow();
            row.username = r.getString(1);
            row.userId = r.getObject(2, UUID.class);
            row.role = r.getString(3);
            row.passwordHash = r.getString(4);
            row.cachedAt = r.getObject(5, Instant.class);
            return row;
        }, username).stream().findFirst();
    }

    /** The single sync-state row, empty before the store's first open created it. */
    static Optional<SyncStateRow> syncState(Connection c) throws SQLException {
        return list(c, "SELECT id, device_id, pull_cursor, last_success, resync_started_at FROM sync_state WHERE id = ?", r -> {
            SyncStateRow row = new SyncStateRow();
            row.id = r.getInt(1);
            row.deviceId = r.getObject(2, UUID.class);
            row.pullCursor = r.getString(3);
            row.lastSuccess = r.getObject(4, Instant.class);
            row.resyncStartedAt = r.getObject(5, Instant.class);
            return row;
        }, SyncStateRow.ONLY_ROW).stream().findFirst();
    }

    private static <T> List<T> list(Connection c, String sql, RowReader<T> reader, Object... parameters) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                p.setObject(i + 1, parameters[i]);
            }
            List<T> result = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    result.add(reader.read(r));
                }
            }
            return result;
        }
    }
}
