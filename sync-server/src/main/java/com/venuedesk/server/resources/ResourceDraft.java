package com.venuedesk.server.resources;

import com.venuedesk.model.domain.Location;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.ResourceType;
import java.util.List;
import java.util.UUID;

/**
 * What staff enter to create or change a resource; nulls are missing input except where a default is documented.
 *
 * @param active           default true
 * @param requiresApproval default false
 */
public record ResourceDraft(String name, String description, ResourceType type, Integer capacity, Money pricePerHour,
                            String timeZone, Location location, List<String> amenities, Boolean active, UUID managerId,
                            Boolean requiresApproval) { }
