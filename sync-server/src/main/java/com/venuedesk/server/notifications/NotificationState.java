package com.venuedesk.server.notifications;

/** Where a notification is in its life (docs/ARCHITECTURE.md, "Notifications"). */
public enum NotificationState {
    QUEUED, SENDING, SENT, FAILED, DEAD,
    /** Never to be sent: no address, opted out, no mail server configured, the booking already began. */
    SKIPPED,
    /** A reminder of a booking that moved or was cancelled since. */
    SUPERSEDED
}
