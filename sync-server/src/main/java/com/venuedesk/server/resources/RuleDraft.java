package com.venuedesk.server.resources;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/** Opening hours (or a recurring closure when available is false) to add to a resource. Available defaults to true. */
public record RuleDraft(DayOfWeek dayOfWeek, LocalTime startTime, LocalTime endTime, Boolean available,
                        LocalDate validFrom, LocalDate validTo) { }
