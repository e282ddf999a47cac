package com.venuedesk.server.resources;

import com.venuedesk.model.domain.Location;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.ResourceType;
import java.util.List;
import java.util.UUID;

/** A resource on the wire (REST). */
public record ResourceJson(UUID id, String name, String description, ResourceType type, int capacity,
                           MoneyJson pricePerHour, String timeZone, Location location, List<String> amenities,
                           boolean active, UUID managerId, boolean requiresApproval, long revision) {

    public static ResourceJson of(ResourceDetails details) {
        Resource r = details.resource();
        return new ResourceJson(r.id(), r.name(), r.description(), r.type(), r.capacity(), MoneyJson.of(r.pricePerHour()),
                r.timeZone().getId(), r.location(), r.amenities(), r.active(), r.managerId(), details.requiresApproval(),
                r.revision());
    }
}
