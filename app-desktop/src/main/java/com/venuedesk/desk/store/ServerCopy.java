package com.venuedesk.desk.store;

/**
 * How a booking or customer row keeps the server's copy of its record. Most rows show exactly what the server
 * confirmed; they keep that JSON once, in payload, and leave server_payload null (an initial sync writes a hundred
 * thousand bookings: storing each twice cost a fifth of the sync). Only while a local change shows something else
 * does server_payload hold the server's copy. A row the server never gave a revision (revision 0: made on this desk
 * and not confirmed yet) has no server copy at all.
 */
final class ServerCopy {
    private ServerCopy() {
    }

    /** The server's copy from a row's two payload columns and its revision; null when the server has none. */
    static String of(String serverPayload, String payload, long revision) {
        if (serverPayload != null) {
            return serverPayload;
        }
        return revision > 0 ? payload : null;
    }

    /** What server_payload holds for a server copy {@code serverJson} while the row shows {@code payload}. */
    static String column(String serverJson, String payload) {
        return serverJson.equals(payload) ? null : serverJson;
    }
}
