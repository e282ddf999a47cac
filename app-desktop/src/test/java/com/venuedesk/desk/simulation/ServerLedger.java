package com.venuedesk.desk.simulation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the server's PostgreSQL database directly (plain JDBC), so that the invariants are checked where they live,
 * not only through the API that enforces them.
 */
public final class ServerLedger {
    private final String url;
    private final String user;
    private final String password;

    public ServerLedger(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** A booking row as the server stores it. */
    public record ServerBooking(UUID id, UUID resourceId, String status, java.time.Instant start, java.time.Instant end,
                                long revision) { }

    /** A row of the idempotency journal: the mutation and the outcome it got. */
    public record JournalEntry(UUID mutationId, UUID entityId, String kind, String outcome) {
        public boolean applied() {
            return outcome != null && outcome.contains("\"outcome\":\"APPLIED\"");
        }
    }

    public Map<UUID, ServerBooking> bookings() {
        Map<UUID, ServerBooking> out = new HashMap<>();
        query("SELECT id, resource_id, status, start_at, end_at, revision FROM booking WHERE NOT deleted", rs ->
                out.put(rs.getObject(1, UUID.class), new ServerBooking(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getLong(6))));
        return out;
    }

    public Map<UUID, JournalEntry> journal() {
        Map<UUID, JournalEntry> out = new HashMap<>();
        query("SELECT mutation_id, entity_id, kind, outcome FROM sync_mutation", rs ->
                out.put(rs.getObject(1, UUID.class), new JournalEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4))));
        return out;
    }

    /** How many mutations the server has committed. */
    public long journalCount() {
        long[] count = new long[1];
        query("SELECT count(*) FROM sync_mutation", rs -> count[0] = rs.getLong(1));
        return count[0];
    }

    /** Journal rows and distinct mutation ids in them: equal when no mutation was recorded twice. */
    public long[] journalRowsAndDistinctIds() {
        long[] counts = new long[2];
        query("SELECT count(*), count(DISTINCT mutation_id) FROM sync_mutation", rs -> {
            counts[0] = rs.getLong(1);
            counts[1] = rs.getLong(2);
        });
        return counts;
    }

    /** Pairs of active bookings of one resource whose times overlap, found by the database itself. */
    public List<String> overlappingActivePairs() {
        List<String> out = new ArrayList<>();
        query("SELECT a.id, b.id FROM booking a JOIN booking b ON a.resource_id = b.resource_id AND a.id < b.id "
                + "WHERE NOT a.deleted AND NOT b.deleted AND a.status IN ('PENDING', 'CONFIRMED') "
                + "AND b.status IN ('PENDING', 'CONFIRMED') "
                + "AND tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)",
                rs -> out.add(rs.getString(1) + " overlaps " + rs.getString(2)));
        return out;
    }

    /** Change log rows per booking: one per write the server made to it. */
    public Map<UUID, Long> changeLogRowsPerBooking() {
        Map<UUID, Long> out = new HashMap<>();
        query("SELECT entity_id, count(*) FROM change_log WHERE entity_type = 'BOOKING' GROUP BY entity_id",
                rs -> out.put(rs.getObject(1, UUID.class), rs.getLong(2)));
        return out;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader) {
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the server database: " + sql, e);
        }
    }
}
