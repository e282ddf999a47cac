package com.venuedesk.server.history;

import java.util.UUID;

/**
 * Who a change in the venue's history is credited to: the clerk (the desk's signed-in user for a synced change, else
 * the signed-in account), the account that pushed it when that is someone else, and the device it came from. All
 * null for the server's own changes (a lockout, an expired hold).
 */
public record HistoryActor(UUID id, String username, UUID pushedById, String pushedByName, String deviceId) {
    /** The server itself. */
    public static final HistoryActor SERVER = new HistoryActor(null, null, null, null, null);

    public HistoryActor {
        if (pushedById != null && pushedById.equals(id)) {
            pushedById = null;
            pushedByName = null;
        }
    }

    public static HistoryActor of(UUID id, String username, String deviceId) {
        return new HistoryActor(id, username, null, null, deviceId);
    }
}
