package com.venuedesk.model.sync;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.venuedesk.model.domain.Slot;
import com.venuedesk.model.domain.SyncedEntity;
import java.util.List;
import java.util.UUID;

/**
 * What the server did with one pushed mutation. Callers handle every case; none is silently dropped.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "outcome")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MutationOutcome.Applied.class, name = "APPLIED"),
        @JsonSubTypes.Type(value = MutationOutcome.Duplicate.class, name = "DUPLICATE"),
        @JsonSubTypes.Type(value = MutationOutcome.Overlap.class, name = "CONFLICT_OVERLAP"),
        @JsonSubTypes.Type(value = MutationOutcome.StaleRevision.class, name = "CONFLICT_STALE"),
        @JsonSubTypes.Type(value = MutationOutcome.Rejected.class, name = "REJECTED")
})
public sealed interface MutationOutcome {

    UUID mutationId();

    /** Applied now: the record's new server revision. */
    record Applied(UUID mutationId, UUID entityId, long revision) implements MutationOutcome { }

    /** Seen before: the outcome it had the first time, unchanged. */
    record Duplicate(UUID mutationId, MutationOutcome original) implements MutationOutcome { }

    /** Refused because an active booking overlaps; alternatives are ranked best first. */
    record Overlap(UUID mutationId, List<UUID> conflicts, List<Slot> alternatives, String reason)
            implements MutationOutcome, Conflict {
        public Overlap {
            conflicts = List.copyOf(conflicts);
            alternatives = List.copyOf(alternatives);
        }
    }

    /** Refused because the record changed on the server since the desk saw it; here is the current record. */
    record StaleRevision(UUID mutationId, SyncedEntity current, String reason) implements MutationOutcome, Conflict { }

    /** Refused for validation or permission; field names the offending input when there is one. */
    record Rejected(UUID mutationId, String field, String reason, int status) implements MutationOutcome { }

    /** Either kind of conflict: staff resolve it on the desk. */
    sealed interface Conflict permits Overlap, StaleRevision {
        String reason();
    }
}
