package com.venuedesk.model.sync;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of the venue's history as {@code GET /api/v1/audit} answers it, newest first.
 *
 * @param at       when the change was committed (server clock)
 * @param actor    who did it: the clerk signed in at the desk for a synced change, else the signed-in account; null
 *                 for the server itself (e.g. a lockout after failed sign-ins, an expired hold)
 * @param pushedBy the account that pushed a synced change, when it is not the actor; else null
 * @param deviceId the desk the change came from, or null (a REST call without {@code X-Device-Id})
 * @param reason   the reason given (a cancellation's), or null
 * @param details  what changed, where it says more than the action (e.g. {@code fromStart}, {@code toStart},
 *                 {@code fromResourceId}, {@code toResourceId}); may be empty
 */
public record AuditEntry(Instant at, HistoryAction action, EntityType entityType, UUID entityId, long revision,
                         Account actor, Account pushedBy, String deviceId, String reason, Map<String, String> details) {
    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** A staff account as the history names it. */
    public record Account(UUID id, String username) { }
}
