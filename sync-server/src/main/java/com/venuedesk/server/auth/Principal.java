package com.venuedesk.server.auth;

import com.venuedesk.model.domain.Role;
import com.venuedesk.server.history.HistoryActor;
import java.util.UUID;

/**
 * The signed-in staff member on whose behalf a request or a synced mutation runs. Permissions are always checked
 * against this account's role; the venue's history credits the change to {@code clerk} when a desk pushed work that
 * another clerk recorded (signed in at that desk at the time), and names this account as the one that pushed it.
 *
 * @param deviceId the desk the request came from ({@code X-Device-Id}, or the push's device), or null
 * @param clerk    the clerk credited with a synced change, when it is not this account; else null
 */
public record Principal(UUID userId, String username, Role role, String deviceId, Clerk clerk) {

    public Principal(UUID userId, String username, Role role) {
        this(userId, username, role, null, null);
    }

    /** A staff account as the history names it. */
    public record Clerk(UUID id, String username) { }

    public boolean may(Role required) {
        return role.includes(required);
    }

    /** The same account, acting from {@code device}. */
    public Principal fromDevice(String device) {
        return new Principal(userId, username, role, device, clerk);
    }

    /** The same account pushing work that {@code recordedBy} did at the desk (null: its own). */
    public Principal creditedTo(Clerk recordedBy) {
        return new Principal(userId, username, role, deviceId,
                recordedBy == null || recordedBy.id().equals(userId) ? null : recordedBy);
    }

    /** Who the history credits: the clerk when there is one (this account then as the pusher), else this account. */
    public HistoryActor historyActor() {
        return clerk == null
                ? HistoryActor.of(userId, username, deviceId)
                : new HistoryActor(clerk.id(), clerk.username(), userId, username, deviceId);
    }
}
