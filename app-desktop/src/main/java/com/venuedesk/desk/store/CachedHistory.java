package com.venuedesk.desk.store;

import com.venuedesk.model.sync.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A booking's history as this desk last fetched it from the server, kept to be shown offline with its date.
 *
 * @param entries  newest first, as the server answered
 * @param complete false when the server had older entries than it sent (it answered a next cursor)
 */
public record CachedHistory(UUID bookingId, Instant fetchedAt, List<AuditEntry> entries, boolean complete) {
    public CachedHistory {
        entries = List.copyOf(entries);
    }
}
