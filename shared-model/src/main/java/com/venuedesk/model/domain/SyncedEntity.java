package com.venuedesk.model.domain;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.UUID;

/**
 * A record that desks hold a copy of: it has a client-generated UUID and a server-assigned revision.
 * Deletion is a tombstone in the change log, never a silent disappearance.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "entityType")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Resource.class, name = "RESOURCE"),
        @JsonSubTypes.Type(value = AvailabilityRule.class, name = "AVAILABILITY_RULE"),
        @JsonSubTypes.Type(value = Blackout.class, name = "BLACKOUT"),
        @JsonSubTypes.Type(value = Customer.class, name = "CUSTOMER"),
        @JsonSubTypes.Type(value = Booking.class, name = "BOOKING")
})
public sealed interface SyncedEntity permits Resource, AvailabilityRule, Blackout, Customer, Booking {
    UUID id();

    long revision();
}
