package com.venuedesk.model.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Something bookable: a room, a piece of equipment, a hall, a service or a bed.
 *
 * @param timeZone the venue's zone, in which opening hours and peak hours are read
 * @param revision server-assigned revision (0 before the server has seen it)
 */
public record Resource(
        UUID id,
        String name,
        String description,
        ResourceType type,
        int capacity,
        Money pricePerHour,
        Location location,
        List<String> amenities,
        boolean active,
        UUID managerId,
        ZoneId timeZone,
        long revision) implements SyncedEntity {

    public Resource {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) {
            throw new DomainException("name", "name is required");
        }
        if (name.length() > 200) {
            throw new DomainException("name", "name must be at most 200 characters");
        }
        if (type == null) {
            throw new DomainException("type", "type is required");
        }
        if (capacity < 1) {
            throw new DomainException("capacity", "capacity must be at least 1");
        }
        if (pricePerHour == null) {
            throw new DomainException("pricePerHour", "pricePerHour is required");
        }
        if (pricePerHour.isNegative()) {
            throw new DomainException("pricePerHour", "pricePerHour must not be negative");
        }
        if (timeZone == null) {
            throw new DomainException("timeZone", "timeZone is required");
        }
        location = location == null ? Location.none() : location;
        amenities = amenities == null ? List.of() : List.copyOf(amenities);
        description = description == null ? "" : description;
    }

    public static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException | NullPointerException e) {
            throw new DomainException("timeZone", "unknown time zone: " + id);
        }
    }

    public Resource withRevision(long newRevision) {
        return new Resource(id, name, description, type, capacity, pricePerHour, location, amenities, active,
                managerId, timeZone, newRevision);
    }
}
