package com.venuedesk.model.sync;

/** The kinds of synced records, as named on the wire and in the change log. */
public enum EntityType {
    RESOURCE, AVAILABILITY_RULE, BLACKOUT, CUSTOMER, BOOKING, PAYMENT
}
