package com.venuedesk.server.resources;

import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.Resource;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Reads of resources, opening hours and blackouts inside a caller's transaction, for other features (bookings,
 * availability, suggestions) that must see them consistently with their own writes.
 */
public final class ResourceStore {
    private ResourceStore() {
    }

    /**
     * The live (not deleted) resource, its row locked until the transaction ends. Every booking write on a resource
     * takes this lock first, which serialises them on H2 and PostgreSQL alike.
     */
    public static Optional<ResourceDetails> lockForBooking(Session session, UUID resourceId) {
        ResourceEntity entity = session.find(ResourceEntity.class, resourceId, LockModeType.PESSIMISTIC_WRITE);
        return entity == null || entity.deleted() ? Optional.empty() : Optional.of(entity.toDetails());
    }

    /**
     * The live resources among {@code resourceIds}, by id, their rows locked until the transaction ends, taken in
     * the database's id order (so two writers locking overlapping sets cannot deadlock); missing or deleted ones are
     * left out.
     */
    public static Map<UUID, ResourceDetails> lockAllForBooking(Session session, Collection<UUID> resourceIds) {
        if (resourceIds.size() == 1) {
            UUID only = resourceIds.iterator().next();
            return lockForBooking(session, only).map(d -> Map.of(only, d)).orElse(Map.of());
        }
        Map<UUID, ResourceDetails> locked = new HashMap<>();
        session.createSelectionQuery("from ResourceEntity r where r.id in :ids order by r.id", ResourceEntity.class)
                .setParameter("ids", resourceIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream()
                .filter(r -> !r.deleted())
                .forEach(r -> locked.put(r.id(), r.toDetails()));
        return locked;
    }

    /**
     * Records that opening hours or blackouts changed for the resource, or for every resource when {@code resourceId}
     * is null (a venue-wide blackout), in the caller's transaction: bumps the rows' schedule version under their locks,
     * which {@link ScheduleCache} relies on.
     */
    static void scheduleChanged(Session session, UUID resourceId) {
        var update = session.createMutationQuery("update ResourceEntity r set r.scheduleVersion = r.scheduleVersion + 1"
                + (resourceId == null ? "" : " where r.id = :id"));
        if (resourceId != null) {
            update.setParameter("id", resourceId);
        }
        update.executeUpdate();
    }

    /** The live resource, without locking. */
    public static Optional<ResourceDetails> find(Session session, UUID resourceId) {
        ResourceEntity entity = session.find(ResourceEntity.class, resourceId);
        return entity == null || entity.deleted() ? Optional.empty() : Optional.of(entity.toDetails());
    }

    /** Every live resource, by name. */
    public static List<ResourceDetails> all(Session session) {
        return session.createSelectionQuery("from ResourceEntity where deleted = false order by name, id", ResourceEntity.class)
                .getResultList().stream().map(ResourceEntity::toDetails).toList();
    }

    public static List<AvailabilityRule> rulesOf(Session session, UUID resourceId) {
        return session.createSelectionQuery(
                        "from AvailabilityRuleEntity where resourceId = :r and deleted = false order by dayOfWeek, startTime",
                        AvailabilityRuleEntity.class)
                .setParameter("r", resourceId).getResultList().stream().map(AvailabilityRuleEntity::toRule).toList();
    }

    /** The live rules of every resource, grouped by resource. */
    public static Map<UUID, List<AvailabilityRule>> rulesByResource(Session session) {
        return session.createSelectionQuery("from AvailabilityRuleEntity where deleted = false", AvailabilityRuleEntity.class)
                .getResultList().stream().map(AvailabilityRuleEntity::toRule)
                .collect(Collectors.groupingBy(AvailabilityRule::resourceId, LinkedHashMap::new, Collectors.toList()));
    }

    /** The live blackouts of the resource and those of the whole venue. */
    public static List<Blackout> blackoutsFor(Session session, UUID resourceId) {
        return session.createSelectionQuery(
                        "from BlackoutEntity where deleted = false and (resourceId is null or resourceId = :r) order by startDate",
                        BlackoutEntity.class)
                .setParameter("r", resourceId).getResultList().stream().map(BlackoutEntity::toBlackout).toList();
    }

    public static List<Blackout> allBlackouts(Session session) {
        return session.createSelectionQuery("from BlackoutEntity where deleted = false order by startDate", BlackoutEntity.class)
                .getResultList().stream().map(BlackoutEntity::toBlackout).toList();
    }

    static List<Resource> resources(List<ResourceDetails> details) {
        return details.stream().map(ResourceDetails::resource).toList();
    }
}
