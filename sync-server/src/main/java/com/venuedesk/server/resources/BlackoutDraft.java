package com.venuedesk.server.resources;

import java.time.LocalDate;
import java.util.UUID;

/** Days on which one resource, or with a null resourceId the whole venue, is closed. */
public record BlackoutDraft(UUID resourceId, LocalDate startDate, LocalDate endDate, String reason) { }
