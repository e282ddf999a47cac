package com.venuedesk.desk.store;

import com.venuedesk.model.domain.Slot;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.MutationOutcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A local change the server refused, kept until staff resolve it (nothing recorded is silently dropped).
 *
 * @param bookingId    the booking (or, for a customer change, the customer) the mutation was about
 * @param conflicting  ids of the server's bookings that overlap, for an overlap
 * @param alternatives free slots the server offered instead, best first
 */
public record ConflictItem(UUID mutationId, UUID bookingId, Kind kind, String reason, Mutation mutation,
                           MutationOutcome outcome, List<UUID> conflicting, List<Slot> alternatives,
                           Instant createdAt, boolean resolved, String resolutionNote) {

    /** Why the server refused. */
    public enum Kind {
        OVERLAP, STALE_REVISION, REJECTED
    }

    public ConflictItem {
        conflicting = List.copyOf(conflicting);
        alternatives = List.copyOf(alternatives);
    }
}
