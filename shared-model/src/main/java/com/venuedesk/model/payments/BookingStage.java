package com.venuedesk.model.payments;

/** How far a booking has come, for what is due now. */
public enum BookingStage {
    BOOKED, CHECKED_IN, COMPLETED
}
