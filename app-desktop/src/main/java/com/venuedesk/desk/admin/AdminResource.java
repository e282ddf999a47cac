package com.venuedesk.desk.admin;

import com.venuedesk.model.domain.Location;
import com.venuedesk.model.domain.ResourceType;
import java.util.List;
import java.util.UUID;

/**
 * A resource as the server's {@code /api/v1/resources} reads and writes it, including the server-side setting
 * {@code requiresApproval} that the synced record does not carry. Location, amenities and manager pass through
 * unchanged so that an edit here does not wipe what another tool set.
 *
 * @param revision the revision read; a PUT sends it back and the server answers 412 when it is stale
 */
public record AdminResource(UUID id, String name, String description, ResourceType type, int capacity, Price pricePerHour,
                            String timeZone, Location location, List<String> amenities, boolean active, UUID managerId,
                            boolean requiresApproval, long revision) {

    /** Money on the wire: the amount as a decimal string, never a binary floating-point number. */
    public record Price(String amount, String currency) {
        @Override
        public String toString() {
            return amount + " " + currency;
        }
    }

    public AdminResource {
        amenities = amenities == null ? List.of() : List.copyOf(amenities);
        description = description == null ? "" : description;
    }

    @Override
    public String toString() {
        return name;
    }
}
