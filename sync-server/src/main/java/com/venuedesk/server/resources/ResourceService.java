package com.venuedesk.server.resources;

import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.rules.BookingLimits;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.server.auth.Principal;
import com.venuedesk.server.persistence.Database;
import com.venuedesk.model.sync.HistoryAction;
import com.venuedesk.server.history.HistoryEntry;
import com.venuedesk.server.history.VenueHistory;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maintaining what can be booked: resources, their opening hours and blackout days. Only managers (and admins)
 * change them; everyone signed in reads them. Every write bumps the revision and appends to the change log.
 */
public final class ResourceService {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceService.class);
    private static final Role MAINTAINER = Role.MANAGER;

    private final Database db;
    private final VenueHistory history;
    private final BookingLimits limits;

    /** @param limits the calendar window that blackout days and the validity of opening hours must lie in */
    public ResourceService(Database db, VenueHistory history, BookingLimits limits) {
        this.db = db;
        this.history = history;
        this.limits = limits;
    }

    public ResourceOutcome<ResourceDetails> create(Principal actor, UUID id, ResourceDraft draft) {
        if (!actor.may(MAINTAINER)) {
            return new ResourceOutcome.Forbidden<>("only a manager may create resources; you are " + actor.role());
        }
        UUID newId = id == null ? UUID.randomUUID() : id;
        Resource resource;
        try {
            resource = toResource(newId, draft, 0);
        } catch (DomainException e) {
            return new ResourceOutcome.Invalid<>(e.field(), e.getMessage());
        }
        boolean requiresApproval = Boolean.TRUE.equals(draft.requiresApproval());
        return db.inTransaction(session -> {
            ResourceEntity existing = session.find(ResourceEntity.class, newId);
            if (existing != null) {
                return new ResourceOutcome.Invalid<ResourceDetails>("id", "a resource with id " + newId + " exists");
            }
            ResourceEntity entity = new ResourceEntity(resource, requiresApproval);
            session.persist(entity);
            history.record(session, HistoryEntry.of(EntityType.RESOURCE, newId, entity.revision(), HistoryAction.CREATED,
                    actor.historyActor()));
            LOG.info("resource created resourceId={} by={}", newId, actor.username());
            return new ResourceOutcome.Saved<>(entity.toDetails(), true);
        });
    }

    /** Replaces the resource's fields, if the stored revision is still {@code expectedRevision}. */
    public ResourceOutcome<ResourceDetails> update(Principal actor, UUID id, ResourceDraft draft, Long expectedRevision) {
        if (!actor.may(MAINTAINER)) {
            return new ResourceOutcome.Forbidden<>("only a manager may change resources; you are " + actor.role());
        }
        if (expectedRevision == null) {
            return new ResourceOutcome.Invalid<>("revision", "revision is required (the revision you last read)");
        }
        Resource resource;
        try {
            resource = toResource(id, draft, 0);
        } catch (DomainException e) {
            return new ResourceOutcome.Invalid<>(e.field(), e.getMessage());
        }
        return db.inTransaction(session -> {
            ResourceEntity entity = session.find(ResourceEntity.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (entity == null || entity.deleted()) {
                return new ResourceOutcome.NotFound<ResourceDetails>("Resource", id);
            }
            if (entity.revision() != expectedRevision) {
                return new ResourceOutcome.StaleRevision<>(entity.toDetails());
            }
            entity.apply(resource, draft.requiresApproval() == null ? entity.requiresApproval() : draft.requiresApproval());
            entity.bumpRevision();
            history.record(session, HistoryEntry.of(EntityType.RESOURCE, id, entity.revision(), HistoryAction.UPDATED,
                    actor.historyActor()));
            LOG.info("resource updated resourceId={} revision={} by={}", id, entity.revision(), actor.username());
            return new ResourceOutcome.Saved<>(entity.toDetails(), false);
        });
    }

    /** Tombstones the resource: it disappears from lists and cannot be booked; its bookings stay. */
    public ResourceOutcome<ResourceDetails> delete(Principal actor, UUID id) {
        if (!actor.may(MAINTAINER)) {
            return new ResourceOutcome.Forbidden<>("only a manager may delete resources; you are " + actor.role());
        }
        return db.inTransaction(session -> {
            ResourceEntity entity = session.find(ResourceEntity.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (entity == null || entity.deleted()) {
                return new ResourceOutcome.NotFound<ResourceDetails>("Resource", id);
            }
            entity.markDeleted();
            history.record(session, HistoryEntry.of(EntityType.RESOURCE, id, entity.revision(), HistoryAction.DELETED,
                    actor.historyActor()));
            LOG.info("resource deleted resourceId={} by={}", id, actor.username());
            return new ResourceOutcome.Saved<>(entity.toDetails(), false);
        });
    }

    public Optional<ResourceDetails> find(UUID id) {
        return db.inTransaction(session -> ResourceStore.find(session, id));
    }

    public List<ResourceDetails> list() {
        return db.inTransaction(ResourceStore::all);
    }

    public ResourceOutcome<AvailabilityRule> addRule(Principal actor, UUID resourceId, RuleDraft draft) {
        if (!actor.may(MAINTAINER)) {
            return new ResourceOutcome.Forbidden<>("only a manager may change opening hours; you are " + actor.role());
        }
        AvailabilityRule rule;
        try {
            limits.checkDay("validFrom", draft.validFrom());
            limits.checkDay("validTo", draft.validTo());
            rule = new AvailabilityRule(UUID.randomUUID(), resourceId, draft.dayOfWeek(), draft.startTime(), draft.endTime(),
                    draft.available() == null || draft.available(), draft.validFrom(), draft.validTo(), 0);
        } catch (DomainException e) {
            return new ResourceOutcome.Invalid<>(e.field(), e.getMessage());
        }
        return db.inTransaction(session -> {
            if (ResourceStore.lockForBooking(session, resourceId).isEmpty()) {
                return new ResourceOutcome.NotFound<AvailabilityRule>("Resource", resourceId);
            }
            AvailabilityRuleEntity entity = new AvailabilityRuleEntity(rule);
            session.persist(entity);
            ResourceStore.scheduleChanged(session, resourceId);
            history.record(session, HistoryEntry.of(EntityType.AVAILABILITY_RULE, rule.id(), entity.revision(), HistoryAction.CREATED,
                    actor.historyActor()));
            return new ResourceOutcome.Saved<>(entity.toRule(), true);
        });
    }

    public ResourceOutcome<AvailabilityRule> deleteRule(Principal actor, UUID resourceId, UUID ruleId) {
        if (!actor.may(MAINTAINER)) {
            return new ResourceOutcome.Forbidden<>("only a manager may change opening hours; you are " + actor.role());
        }
        return db.inTransaction(session -> {
            AvailabilityRuleEntity entity = session.find(AvailabilityRuleEntity.class, ruleId);
            if (entity == null || entity.deleted() || !entity.resourceId().equals(resourceId)) {
                return new ResourceOutcome.NotFound<AvailabilityRule>("Availability rule", ruleId);
            }
            entity.markDeleted();
            ResourceStore.scheduleChanged(session, resourceId);
            history.record(session, HistoryEntry.of(EntityType.AVAILABILITY_RULE, ruleId, entity.revision(), HistoryAction.DELETED,
                    actor.historyActor()));
            return new ResourceOutcome.Saved<>(entity.toRule(), false);
        });
    }

    /** The resource's live rules, or empty when the resource does not exist. */
    public Optional<List<AvailabilityRule>> rules(UUID resourceId) {
        return db.inTransaction(session -> ResourceStore.find(session, resourceId)
                .map(r -> ResourceStore.rulesOf(session, resourceId)));
    }

    public ResourceOutcome<Blackout> addBlackout(Principal actor, BlackoutDraft draft) {
        if (!actor.may(MAINTAINER)) {
            return new ResourceOutcome.Forbidden<>("only a manager may add blackout days; you are " + actor.role());
        }
        Blackout blackout;
        try {
            maxLength("reason", draft.reason(), 1000);
            limits.checkDay("startDate", draft.startDate());
            limits.checkDay("endDate", draft.endDate());
            blackout = new Blackout(UUID.randomUUID(), draft.resourceId(), draft.startDate(), draft.endDate(), draft.reason(), 0);
        } catch (DomainException e) {
            return new ResourceOutcome.Invalid<>(e.field(), e.getMessage());
        }
        return db.inTransaction(session -> {
            if (draft.resourceId() != null && !exists(session, draft.resourceId())) {
                return new ResourceOutcome.Invalid<Blackout>("resourceId", "no resource " + draft.resourceId());
            }
            BlackoutEntity entity = new BlackoutEntity(blackout);
            session.persist(entity);
            ResourceStore.scheduleChanged(session, draft.resourceId());
            history.record(session, HistoryEntry.of(EntityType.BLACKOUT, blackout.id(), entity.revision(), HistoryAction.CREATED,
                    actor.historyActor()));
            return new ResourceOutcome.Saved<>(entity.toBlackout(), true);
        });
    }

    public ResourceOutcome<Blackout> deleteBlackout(Principal actor, UUID id) {
        if (!actor.may(MAINTAINER)) {
            return new ResourceOutcome.Forbidden<>("only a manager may remove blackout days; you are " + actor.role());
        }
        return db.inTransaction(session -> {
            BlackoutEntity entity = session.find(BlackoutEntity.class, id);
            if (entity == null || entity.deleted()) {
                return new ResourceOutcome.NotFound<Blackout>("Blackout", id);
            }
            entity.markDeleted();
            ResourceStore.scheduleChanged(session, entity.toBlackout().resourceId());
            history.record(session, HistoryEntry.of(EntityType.BLACKOUT, id, entity.revision(), HistoryAction.DELETED,
                    actor.historyActor()));
            return new ResourceOutcome.Saved<>(entity.toBlackout(), false);
        });
    }

    public List<Blackout> blackouts() {
        return db.inTransaction(ResourceStore::allBlackouts);
    }

    private static boolean exists(Session session, UUID resourceId) {
        return ResourceStore.find(session, resourceId).isPresent();
    }

    private static Resource toResource(UUID id, ResourceDraft d, long revision) {
        if (d.capacity() == null) {
            throw new DomainException("capacity", "capacity is required");
        }
        // the column widths of V2, so that overlong input is a 400 naming the field rather than a database error
        maxLength("description", d.description(), 4000);
        if (d.amenities() != null) {
            for (int i = 0; i < d.amenities().size(); i++) {
                String amenity = d.amenities().get(i);
                if (amenity == null || amenity.isBlank()) {
                    throw new DomainException("amenities[" + i + "]", "an amenity must be a non-empty text");
                }
                if (amenity.contains("\n") || amenity.contains("\r")) {
                    throw new DomainException("amenities[" + i + "]", "an amenity must be one line");
                }
            }
        }
        maxLength("amenities", d.amenities() == null ? null : String.join("\n", d.amenities()), 4000);
        if (d.location() != null) {
            maxLength("location.address", d.location().address(), 400);
            maxLength("location.city", d.location().city(), 200);
            maxLength("location.country", d.location().country(), 100);
        }
        return new Resource(id, d.name(), d.description(), d.type(), d.capacity(), d.pricePerHour(), d.location(),
                d.amenities(), d.active() == null || d.active(), d.managerId(),
                d.timeZone() == null ? null : Resource.zone(d.timeZone()), revision);
    }

    static void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new DomainException(field, field + " must be at most " + max + " characters");
        }
    }
}
