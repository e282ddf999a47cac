package com.venuedesk.model.sync;

/**
 * The kinds of records in the venue's history, as named on the wire and in the change log. All but {@link #USER}
 * are synced to desks; a staff account's history (role changes, disabling, password resets, lockouts) is in the audit
 * trail only.
 */
public enum EntityType {
    RESOURCE, AVAILABILITY_RULE, BLACKOUT, CUSTOMER, BOOKING, PAYMENT, USER
}
