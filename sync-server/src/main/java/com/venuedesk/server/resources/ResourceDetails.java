package com.venuedesk.server.resources;

import com.venuedesk.model.domain.Resource;
import java.util.Objects;

/**
 * A resource with the server-side settings that are not part of the shared record.
 *
 * @param requiresApproval new bookings start PENDING and a manager approves them
 */
public record ResourceDetails(Resource resource, boolean requiresApproval) {
    public ResourceDetails {
        Objects.requireNonNull(resource, "resource");
    }
}
