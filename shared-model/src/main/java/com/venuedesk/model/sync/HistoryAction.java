package com.venuedesk.model.sync;

/**
 * What happened to a record, in the venue's words: one per entry of the venue's history (the server's change log).
 * Desks show these in their own language; the audit API names them as written here.
 */
public enum HistoryAction {
    /** A record was created (a booking made, a resource or customer added). */
    CREATED,
    /** A record's fields were changed (a resource's details, a customer's contact data, a booking's notes). */
    UPDATED,
    /** A record was removed (a tombstone). */
    DELETED,
    /** A booking moved in time on the same resource. */
    RESCHEDULED,
    /** A booking moved to another resource (its time may have changed too). */
    RESOURCE_CHANGED,
    /** A booking's guest changed. */
    CUSTOMER_CHANGED,
    APPROVED,
    CANCELLED,
    CHECKED_IN,
    COMPLETED,
    NO_SHOW,
    /** A PENDING hold expired and was released. */
    EXPIRED,
    // payments (payment issue)
    PAYMENT_AUTHORIZED,
    PAYMENT_CAPTURED,
    PAYMENT_FAILED,
    PAYMENT_REFUNDED,
    // staff accounts (audit trail only)
    ROLE_CHANGED,
    DISABLED,
    ENABLED,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    LOCKED_OUT,
    SIGNED_OUT;

    /** The history action of a lifecycle step. */
    public static HistoryAction of(BookingAction action) {
        return switch (action) {
            case APPROVE -> APPROVED;
            case CANCEL -> CANCELLED;
            case CHECK_IN -> CHECKED_IN;
            case COMPLETE -> COMPLETED;
            case NO_SHOW -> NO_SHOW;
        };
    }
}
