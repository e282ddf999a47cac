package com.venuedesk.desk.store;

import com.venuedesk.model.domain.Booking;

/**
 * A booking as this desk shows it.
 *
 * @param provisional a local change to it waits for the server's confirmation
 * @param refused     the server refused the booking this desk made; see the conflict inbox
 */
public record LocalBooking(Booking booking, boolean provisional, boolean refused) { }
