package com.venuedesk.server.resources;

import com.venuedesk.model.domain.AvailabilityRule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** Storage of one {@link AvailabilityRule}. */
@Entity
@Table(name = "availability_rule")
public class AvailabilityRuleEntity {
    @Id
    private UUID id;
    @Column(name = "resource_id", nullable = false)
    private UUID resourceId;
    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week", nullable = false)
    private DayOfWeek dayOfWeek;
    @Column(name = "start_time", nullable = false)
    private LocalTime startTime;
    @Column(name = "end_time", nullable = false)
    private LocalTime endTime;
    @Column(nullable = false)
    private boolean available;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;
    @Column(nullable = false)
    private long revision;
    @Column(nullable = false)
    private boolean deleted;

    protected AvailabilityRuleEntity() {
    }

    AvailabilityRuleEntity(AvailabilityRule rule) {
        id = rule.id();
        resourceId = rule.resourceId();
        dayOfWeek = rule.dayOfWeek();
        startTime = rule.startTime();
        endTime = rule.endTime();
        available = rule.available();
        validFrom = rule.validFrom();
        validTo = rule.validTo();
        revision = 1;
    }

    UUID resourceId() {
        return resourceId;
    }

    boolean deleted() {
        return deleted;
    }

    long revision() {
        return revision;
    }

    void markDeleted() {
        deleted = true;
        revision++;
    }

    AvailabilityRule toRule() {
        return new AvailabilityRule(id, resourceId, dayOfWeek, startTime, endTime, available, validFrom, validTo, revision);
    }
}
