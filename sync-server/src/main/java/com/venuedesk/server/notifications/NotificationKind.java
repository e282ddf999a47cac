package com.venuedesk.server.notifications;

/** What a notification tells. */
public enum NotificationKind {
    /** A booking is confirmed (made on a resource that needs no approval, or approved): with a REQUEST invite. */
    CONFIRMATION,
    /** A confirmed booking moved in time or to another resource: the same invite UID, a higher SEQUENCE. */
    UPDATE,
    /** A booking was cancelled: a CANCEL invite. */
    CANCELLATION,
    /** A reminder the configured lead before the start. */
    REMINDER,
    /** To managers: a booking waits for approval. */
    APPROVAL_NEEDED
}
