package com.venuedesk.desk.calendar;

import java.time.LocalDate;
import java.util.UUID;

/** A booking found by the calendar search; choosing it shows its day. */
public record SearchHit(UUID bookingId, LocalDate day, String label) { }
