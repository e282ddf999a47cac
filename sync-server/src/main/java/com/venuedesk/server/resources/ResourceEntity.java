package com.venuedesk.server.resources;

import com.venuedesk.model.domain.Location;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.ResourceType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A resource row. The shared-model {@link Resource} is the value callers see; this is only its storage. */
@Entity
@Table(name = "resource")
public class ResourceEntity {
    private static final String AMENITY_SEPARATOR = "\n";

    @Id
    private UUID id;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String description;
    @Enumerated(EnumType.STRING)
    @Column(name = "resource_type", nullable = false)
    private ResourceType type;
    @Column(nullable = false)
    private int capacity;
    @Column(name = "price_amount", nullable = false, precision = 12, scale = 2)
    private BigDecimal priceAmount;
    @Column(name = "price_currency", nullable = false)
    private String priceCurrency;
    private String address;
    private String city;
    private String country;
    private Double latitude;
    private Double longitude;
    @Column(nullable = false)
    private String amenities;
    @Column(nullable = false)
    private boolean active;
    @Column(name = "requires_approval", nullable = false)
    private boolean requiresApproval;
    @Column(name = "manager_id")
    private UUID managerId;
    @Column(name = "time_zone", nullable = false)
    private String timeZone;
    @Column(nullable = false)
    private long revision;
    @Column(nullable = false)
    private boolean deleted;
    /** Not synced: bumped when opening hours or blackouts that apply to this resource change (see {@link ScheduleCache}). */
    @Column(name = "schedule_version", nullable = false)
    private long scheduleVersion;

    protected ResourceEntity() {
    }

    ResourceEntity(Resource resource, boolean requiresApproval) {
        this.id = resource.id();
        apply(resource, requiresApproval);
        this.revision = 1;
    }

    void apply(Resource r, boolean newRequiresApproval) {
        name = r.name().strip();
        description = r.description();
        type = r.type();
        capacity = r.capacity();
        priceAmount = r.pricePerHour().amount();
        priceCurrency = r.pricePerHour().currency();
        address = r.location().address();
        city = r.location().city();
        country = r.location().country();
        latitude = r.location().latitude();
        longitude = r.location().longitude();
        amenities = String.join(AMENITY_SEPARATOR, r.amenities());
        active = r.active();
        requiresApproval = newRequiresApproval;
        managerId = r.managerId();
        timeZone = r.timeZone().getId();
    }

    UUID id() {
        return id;
    }

    long revision() {
        return revision;
    }

    boolean deleted() {
        return deleted;
    }

    long scheduleVersion() {
        return scheduleVersion;
    }

    boolean requiresApproval() {
        return requiresApproval;
    }

    void bumpRevision() {
        revision++;
    }

    void markDeleted() {
        deleted = true;
        active = false;
        revision++;
    }

    public Resource toResource() {
        return new Resource(id, name, description, type, capacity, new Money(priceAmount, priceCurrency.strip()),
                new Location(address, city, country, latitude, longitude), amenityList(amenities), active, managerId,
                ZoneId.of(timeZone), revision);
    }

    /** The amenities as stored in the column (one per line), as a list. */
    static List<String> amenityList(String stored) {
        return stored.isEmpty() ? List.of() : Arrays.asList(stored.split(AMENITY_SEPARATOR));
    }

    ResourceDetails toDetails() {
        return new ResourceDetails(toResource(), requiresApproval);
    }
}
