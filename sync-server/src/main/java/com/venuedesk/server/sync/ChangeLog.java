package com.venuedesk.server.sync;

import com.venuedesk.model.sync.EntityType;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The server's change log: every write of a synced record appends one entry in the same transaction as the write,
 * so that a change is in the log exactly when it is committed. Desks pull the log in sequence order.
 */
public final class ChangeLog {
    private ChangeLog() {
    }

    /** Appends that {@code entityId} now has {@code revision} (a tombstone when {@code deleted}), in the caller's transaction. */
    public static void append(Session session, EntityType type, UUID entityId, long revision, boolean deleted) {
        session.createNativeMutationQuery(
                        "INSERT INTO change_log (entity_type, entity_id, revision, deleted) VALUES (:type, :id, :revision, :deleted)")
                .setParameter("type", type.name())
                .setParameter("id", entityId)
                .setParameter("revision", revision)
                .setParameter("deleted", deleted)
                .executeUpdate();
    }
}
