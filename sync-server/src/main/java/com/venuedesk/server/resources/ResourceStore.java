package com.venuedesk.server.resources;

import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.Location;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.ResourceType;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
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
     * The live (not deleted) resource, its row locked until the transaction ends: the lock every booking write takes
     * first ({@link #lockAllForBooking}), which serialises a change of the resource's opening hours with them on H2
     * and PostgreSQL alike.
     */
    public static Optional<ResourceDetails> lockForBooking(Session session, UUID resourceId) {
        ResourceEntity entity = session.find(ResourceEntity.class, resourceId, LockModeType.PESSIMISTIC_WRITE);
        return entity == null || entity.deleted() ? Optional.empty() : Optional.of(entity.toDetails());
    }

    /** A resource whose row a booking write has locked, with its schedule's version as read under that lock. */
    public record LockedResource(ResourceDetails details, long scheduleVersion) {
        public Resource resource() {
            return details.resource();
        }
    }

    /** The columns {@link #lockAllForBooking} reads, in the order {@link #lockedRow} takes them. */
    private static final String LOCK_FOR_BOOKING = "SELECT id, name, description, resource_type, capacity, price_amount,"
            + " price_currency, address, city, country, latitude, longitude, amenities, active, requires_approval,"
            + " manager_id, time_zone, revision, schedule_version FROM resource"
            + " WHERE id = ANY (?) AND deleted = FALSE ORDER BY id FOR UPDATE";

    /**
     * The live resources among {@code resourceIds}, by id, their rows locked until the transaction ends, taken in
     * the database's id order (so two writers locking overlapping sets cannot deadlock); missing or deleted ones are
     * left out. Plain SQL on the session's connection, the same on H2 and PostgreSQL: through Hibernate, every new
     * number of ids was a fresh SQL translation, 40 % of a batch's time in the booking writer. The caller flushes
     * first if its session may hold unwritten changes.
     */
    public static Map<UUID, LockedResource> lockAllForBooking(Session session, Collection<UUID> resourceIds) {
        return session.doReturningWork(connection -> {
            Map<UUID, LockedResource> locked = new HashMap<>();
            try (PreparedStatement s = connection.prepareStatement(LOCK_FOR_BOOKING)) {
                s.setArray(1, connection.createArrayOf("uuid", resourceIds.toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        LockedResource row = lockedRow(r);
                        locked.put(row.resource().id(), row);
                    }
                }
            }
            return locked;
        });
    }

    private static LockedResource lockedRow(ResultSet r) throws SQLException {
        Resource resource = new Resource(r.getObject(1, UUID.class), r.getString(2), r.getString(3),
                ResourceType.valueOf(r.getString(4)), r.getInt(5), new Money(r.getBigDecimal(6), r.getString(7).strip()),
                new Location(r.getString(8), r.getString(9), r.getString(10), nullableDouble(r, 11), nullableDouble(r, 12)),
                ResourceEntity.amenityList(r.getString(13)), r.getBoolean(14), r.getObject(16, UUID.class),
                ZoneId.of(r.getString(17)), r.getLong(18));
        return new LockedResource(new ResourceDetails(resource, r.getBoolean(15)), r.getLong(19));
    }

    private static Double nullableDouble(ResultSet r, int column) throws SQLException {
        double value = r.getDouble(column);
        return r.wasNull() ? null : value;
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
