package com.venuedesk.desk.simulation;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a closed desk store's outbox and conflict inbox with plain JDBC: what the desk recorded, whatever its own
 * API chooses to show.
 */
public final class DeskLedger {
    /** An outbox row: the mutation, its record and its state (PENDING, APPLIED, CONFLICTED). */
    public record OutboxEntry(long seq, UUID mutationId, UUID entityId, String state) { }

    private final Map<UUID, OutboxEntry> outbox;
    private final Map<UUID, String> conflictKinds;

    private DeskLedger(Map<UUID, OutboxEntry> outbox, Map<UUID, String> conflictKinds) {
        this.outbox = outbox;
        this.conflictKinds = conflictKinds;
    }

    /** Reads the store in {@code dir}; the desk must be closed. */
    public static DeskLedger read(Path dir) {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("venuedesk");
        Map<UUID, OutboxEntry> outbox = new LinkedHashMap<>();
        Map<UUID, String> conflicts = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT seq, mutation_id, entity_id, state FROM outbox ORDER BY seq")) {
                while (rs.next()) {
                    UUID id = rs.getObject(2, UUID.class);
                    outbox.put(id, new OutboxEntry(rs.getLong(1), id, rs.getObject(3, UUID.class), rs.getString(4)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT mutation_id, kind FROM conflict_item")) {
                while (rs.next()) {
                    conflicts.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the desk store in " + dir, e);
        }
        return new DeskLedger(outbox, conflicts);
    }

    public Map<UUID, OutboxEntry> outbox() {
        return outbox;
    }

    /** Conflict inbox: mutation id to kind (OVERLAP, STALE_REVISION, REJECTED). */
    public Map<UUID, String> conflictKinds() {
        return conflictKinds;
    }

    public long count(String state) {
        return outbox.values().stream().filter(e -> e.state().equals(state)).count();
    }
}
