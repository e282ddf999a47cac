package com.venuedesk.server.sync;

import com.venuedesk.model.sync.EntityType;
import com.venuedesk.server.persistence.DatabaseVendor;
import com.venuedesk.server.persistence.JdbcBatch;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The server's change log: every write of a synced record appends one entry in the same transaction as the write,
 * so that a change is in the log exactly when it is committed. Desks read it through {@link ChangeFeed} in commit
 * order, which each database guarantees its own way (docs/SYNC.md, "Cursor"):
 * <ul>
 *   <li>PostgreSQL: the row's {@code tx_id} column defaults to {@code pg_current_xact_id()}; readers hold back rows
 *       of transactions at or above the oldest one still running.</li>
 *   <li>H2: the append first updates the single {@code change_log_head} row; its lock is held to commit, so appends
 *       are serialised and seq order is commit order.</li>
 * </ul>
 */
public final class ChangeLog {
    private ChangeLog() {
    }

    /** Appends that {@code entityId} now has {@code revision} (a tombstone when {@code deleted}), in the caller's transaction. */
    public static void append(Session session, EntityType type, UUID entityId, long revision, boolean deleted) {
        serialiseOnH2(session);
        session.createNativeMutationQuery(
                        "INSERT INTO change_log (entity_type, entity_id, revision, deleted) VALUES (:type, :id, :revision, :deleted)")
                .setParameter("type", type.name())
                .setParameter("id", entityId)
                .setParameter("revision", revision)
                .setParameter("deleted", deleted)
                .executeUpdate();
    }

    /** One entity's new revision, for {@link #appendAll}. */
    public record Entry(UUID entityId, long revision, boolean deleted) { }

    /**
     * Appends entries of one type in one JDBC batch (one statement for one entry), in the caller's transaction and in
     * the given order.
     */
    public static void appendAll(Session session, EntityType type, List<Entry> entries) {
        serialiseOnH2(session);
        session.doWork(connection -> JdbcBatch.executeForEach(connection,
                "INSERT INTO change_log (entity_type, entity_id, revision, deleted) VALUES (?, ?, ?, ?)", entries,
                (insert, entry) -> {
                    insert.setString(1, type.name());
                    insert.setObject(2, entry.entityId());
                    insert.setLong(3, entry.revision());
                    insert.setBoolean(4, entry.deleted());
                }));
    }

    /** On H2, takes the head row's lock until commit, so that appends (and so seq order) follow commit order. */
    private static void serialiseOnH2(Session session) {
        if (DatabaseVendor.of(session) == DatabaseVendor.H2) {
            session.createNativeMutationQuery("UPDATE change_log_head SET appends = appends + 1 WHERE id = 1")
                    .executeUpdate();
        }
    }
}
