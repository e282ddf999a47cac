package com.venuedesk.server.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.MutationOutcome;
import com.venuedesk.server.auth.Principal;
import com.venuedesk.server.persistence.Database;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The {@code sync_mutation} table: each pushed mutation id once, with the outcome it got. The row is claimed (inserted)
 * first in the mutation's transaction and its outcome written last in the same transaction, so the effect and the
 * record commit together or not at all, and a second push of the same id waits on the primary key and then fails
 * with a unique violation instead of applying again.
 */
final class MutationJournal {
    /** SQL state of a unique or primary key violation, on PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;
    private final ObjectMapper json;

    MutationJournal(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The outcome a mutation id got when it was first applied, if it was. */
    Optional<MutationOutcome> find(UUID mutationId) {
        return db.inTransaction(session -> session.createNativeQuery(
                        "SELECT outcome FROM sync_mutation WHERE mutation_id = :id", String.class)
                .setParameter("id", mutationId)
                .getResultList().stream().findFirst().map(this::read));
    }

    /** Inserts the mutation's row at once (without outcome): the first of two racing pushes wins here. */
    void claim(Session session, Mutation mutation, String deviceId, Principal actor, Instant receivedAt) {
        session.createNativeMutationQuery("INSERT INTO sync_mutation (mutation_id, device_id, user_id, kind, entity_id,"
                        + " received_at) VALUES (:id, :device, :user, :kind, :entity, :at)")
                .setParameter("id", mutation.mutationId())
                .setParameter("device", deviceId)
                .setParameter("user", actor.userId())
                .setParameter("kind", mutation.getClass().getSimpleName())
                .setParameter("entity", mutation.entityId())
                .setParameter("at", receivedAt)
                .executeUpdate();
    }

    /** Writes the outcome into the claimed row, in the same transaction as the claim. */
    void record(Session session, MutationOutcome outcome) {
        try {
            session.createNativeMutationQuery("UPDATE sync_mutation SET outcome = :outcome WHERE mutation_id = :id")
                    .setParameter("outcome", json.writeValueAsString(outcome))
                    .setParameter("id", outcome.mutationId())
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the outcome of mutation " + outcome.mutationId(), e);
        }
    }

    /** True when the failure is another transaction having claimed the same mutation id first. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private MutationOutcome read(String text) {
        try {
            return json.readValue(text, MutationOutcome.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored outcome", e);
        }
    }
}
