package com.venuedesk.model.sync;

/** The lifecycle steps staff take on a booking, as REST sub-resources and as sync mutations. */
public enum BookingAction {
    APPROVE, CANCEL, CHECK_IN, COMPLETE, NO_SHOW
}
