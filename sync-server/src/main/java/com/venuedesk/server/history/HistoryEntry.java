package com.venuedesk.server.history;

import com.venuedesk.model.sync.EntityType;
import com.venuedesk.model.sync.HistoryAction;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One write of a record as the venue's history records it: the record's new revision (a tombstone when
 * {@code deleted}), what happened, who did it and why.
 *
 * @param details what changed where the action does not say it all (e.g. {@code fromStart}, {@code toResourceId})
 */
public record HistoryEntry(EntityType type, UUID entityId, long revision, boolean deleted, HistoryAction action,
                           HistoryActor actor, String reason, Map<String, String> details) {
    public HistoryEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(action, "action");
        actor = actor == null ? HistoryActor.SERVER : actor;
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static HistoryEntry of(EntityType type, UUID entityId, long revision, HistoryAction action, HistoryActor actor) {
        return new HistoryEntry(type, entityId, revision, action == HistoryAction.DELETED, action, actor, null, null);
    }

    public HistoryEntry withReason(String why) {
        return new HistoryEntry(type, entityId, revision, deleted, action, actor, why, details);
    }

    public HistoryEntry withDetails(Map<String, String> more) {
        return new HistoryEntry(type, entityId, revision, deleted, action, actor, reason, more);
    }
}
