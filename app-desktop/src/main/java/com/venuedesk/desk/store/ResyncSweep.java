package com.venuedesk.desk.store;

import com.venuedesk.model.sync.Mutation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The end of a resync, inside the caller's transaction: removes the local copies of synced records (revision above
 * 0: the server had them once) that the complete pull did not bring, except those with a local change still waiting
 * in the outbox. A record made here and never confirmed (revision 0: provisional, or refused and in the conflict
 * inbox) is the desk's own and stays. A record this desk created and the server had applied, but that the restored
 * server no longer has (it was made after the back-up), is not lost either: its applied mutations go back to the
 * outbox, the record stays provisional, and the push sends them again under their own mutation ids (the restored
 * server's journal does not know them, so they are applied, or come back as a conflict for staff).
 */
final class ResyncSweep {
    private static final List<String> TABLES = List.of("booking", "customer", "resource", "availability_rule", "blackout");

    private ResyncSweep() {
    }

    static Resync.Outcome sweep(Connection c, Set<UUID> seen, WireJson json) throws SQLException {
        Set<UUID> pending = ids(c, "SELECT DISTINCT entity_id FROM outbox WHERE state = '" + OutboxLedger.PENDING + "'");
        pending.addAll(requeueLostCreations(c, seen, pending, json));
        int removed = 0;
        int kept = 0;
        for (String table : TABLES) {
            // the table's ids are compared here, not in SQL: NOT (id = ANY(?)) with a whole venue's ids is a scan per row
            List<UUID> gone = new ArrayList<>();
            for (UUID id : ids(c, "SELECT id FROM " + table + " WHERE revision > 0")) {
                if (seen.contains(id)) {
                    continue;
                }
                if (pending.contains(id)) {
                    kept++;
                } else {
                    gone.add(id);
                }
            }
            if (!gone.isEmpty()) {
                removed += delete(c, "DELETE FROM " + table + " WHERE id = ANY(?)", gone);
                if (table.equals("booking")) {
                    delete(c, "DELETE FROM booking_history WHERE booking_id = ANY(?)", gone);
                }
            }
        }
        // what stays without the server's copy shows the local intent until its push is answered
        if (kept > 0) {
            markProvisional(c, pending, seen);
        }
        return new Resync.Outcome(removed, kept);
    }

    /**
     * Puts back into the outbox the applied mutations of records this desk created (its first outbox entry for the
     * record is a creation) that the complete pull did not bring; answers their ids.
     */
    private static Set<UUID> requeueLostCreations(Connection c, Set<UUID> seen, Set<UUID> pending, WireJson json)
            throws SQLException {
        Set<UUID> firstSeen = new HashSet<>();
        Set<UUID> createdHere = new HashSet<>();
        try (PreparedStatement query = c.prepareStatement("SELECT entity_id, mutation FROM outbox WHERE state = ?"
                + " ORDER BY seq")) {
            query.setString(1, OutboxLedger.APPLIED);
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    if (seen.contains(id) || pending.contains(id) || !firstSeen.add(id)) {
                        continue;
                    }
                    if (isCreation(json.mutation(r.getString(2)))) {
                        createdHere.add(id);
                    }
                }
            }
        }
        if (!createdHere.isEmpty()) {
            try (PreparedStatement requeue = c.prepareStatement("UPDATE outbox SET state = ?, settled_at = NULL"
                    + " WHERE state = ? AND entity_id = ANY(?)")) {
                requeue.setString(1, OutboxLedger.PENDING);
                requeue.setString(2, OutboxLedger.APPLIED);
                requeue.setObject(3, createdHere.toArray(new UUID[0]));
                requeue.executeUpdate();
            }
        }
        return createdHere;
    }

    private static boolean isCreation(Mutation mutation) {
        return mutation instanceof Mutation.CreateBooking
                || (mutation instanceof Mutation.UpsertCustomer upsert && upsert.expectedRevision() == 0);
    }

    private static void markProvisional(Connection c, Set<UUID> pending, Set<UUID> seen) throws SQLException {
        List<UUID> unseen = pending.stream().filter(id -> !seen.contains(id)).toList();
        for (String table : List.of("booking", "customer")) {
            try (PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET provisional = TRUE WHERE id = ANY(?)")) {
                update.setObject(1, unseen.toArray(new UUID[0]));
                update.executeUpdate();
            }
        }
    }

    private static Set<UUID> ids(Connection c, String sql) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (PreparedStatement query = c.prepareStatement(sql); ResultSet r = query.executeQuery()) {
            while (r.next()) {
                ids.add(r.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static int delete(Connection c, String sql, List<UUID> ids) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(sql)) {
            delete.setObject(1, ids.toArray(new UUID[0]));
            return delete.executeUpdate();
        }
    }
}
