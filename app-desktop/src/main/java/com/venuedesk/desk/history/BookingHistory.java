package com.venuedesk.desk.history;

import com.venuedesk.model.sync.AuditEntry;
import com.venuedesk.model.sync.Mutation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the desk can tell of a booking's history at one moment: the server's entries (fresh, or as last fetched), and
 * the booking's own changes still waiting in this desk's outbox.
 *
 * @param entries       the server's entries, newest first (empty when it had none to give)
 * @param asOf          when the server's entries were fetched; null when there are none
 * @param complete      false when the server holds older entries than these
 * @param pending       the booking's changes not yet sent, oldest first
 * @param resourceNames the venue's resources by id, to name a move
 */
public record BookingHistory(Source source, List<AuditEntry> entries, Instant asOf, boolean complete,
                             List<PendingChange> pending, Map<UUID, String> resourceNames) {

    public BookingHistory {
        entries = List.copyOf(entries);
        pending = List.copyOf(pending);
        resourceNames = Map.copyOf(resourceNames);
    }

    /** Where the entries come from. */
    public enum Source {
        /** Fetched from the server just now. */
        SERVER,
        /** The server could not be asked: the history as last fetched on this desk. */
        OFFLINE_CACHED,
        /** The server could not be asked and this desk never fetched the history (or may not show it). */
        OFFLINE,
        /** The server answered that the history is for managers (403). */
        MANAGERS_ONLY
    }

    /**
     * A change of the booking recorded at this desk and not yet sent.
     *
     * @param clerk the username of the clerk who made it, when this desk knows it; else null
     */
    public record PendingChange(Mutation mutation, Instant recordedAt, String clerk) { }
}
