package com.venuedesk.server.sync;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.SyncedEntity;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.server.booking.BookingEntity;
import com.venuedesk.server.booking.BookingRows;
import com.venuedesk.server.customers.CustomerEntity;
import com.venuedesk.server.resources.AvailabilityRuleEntity;
import com.venuedesk.server.resources.BlackoutEntity;
import com.venuedesk.server.resources.ResourceEntity;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Loads the current state of the records a page of changes names: one query per entity type (ids in chunks), never
 * one per change. Deleted records load too: a tombstone carries the last known state.
 */
final class SyncedEntities {
    /** Keeps IN lists well below every driver's bind-parameter limit. */
    private static final int CHUNK = 500;

    private SyncedEntities() {
    }

    /** The records by type and id; types that desks do not hold (payments) are left out. */
    static Map<EntityType, Map<UUID, SyncedEntity>> load(Session session, Map<EntityType, Set<UUID>> idsByType) {
        Map<EntityType, Map<UUID, SyncedEntity>> loaded = new EnumMap<>(EntityType.class);
        idsByType.forEach((type, ids) -> {
            Map<UUID, SyncedEntity> byId = new HashMap<>();
            for (List<UUID> chunk : chunks(ids)) {
                byId.putAll(loadChunk(session, type, chunk));
            }
            loaded.put(type, byId);
        });
        return loaded;
    }

    private static Map<UUID, SyncedEntity> loadChunk(Session session, EntityType type, List<UUID> ids) {
        return switch (type) {
            case RESOURCE -> query(session, ResourceEntity.class, ids, ResourceEntity::toResource);
            case AVAILABILITY_RULE -> query(session, AvailabilityRuleEntity.class, ids, AvailabilityRuleEntity::toRule);
            case BLACKOUT -> query(session, BlackoutEntity.class, ids, BlackoutEntity::toBlackout);
            case CUSTOMER -> query(session, CustomerEntity.class, ids, CustomerEntity::toCustomer);
            case BOOKING -> bookings(session, ids);
            // payments are not synced yet; staff accounts (USER) are in the audit trail only, never sent to desks
            case PAYMENT, USER -> Map.of();
        };
    }

    private static <E> Map<UUID, SyncedEntity> query(Session session, Class<E> entity, List<UUID> ids,
                                                     Function<E, ? extends SyncedEntity> toRecord) {
        return session.createSelectionQuery("from " + entity.getSimpleName() + " e where e.id in :ids", entity)
                .setParameter("ids", ids)
                // read-only: no snapshots to keep and nothing to dirty-check at commit for thousands of rows a page
                .setReadOnly(true)
                .getResultList().stream()
                .map(toRecord)
                .collect(Collectors.toMap(SyncedEntity::id, e -> e));
    }

    /**
     * Bookings are nearly all of a venue's change log (a fresh desk pulls every one), so they are read with plain JDBC
     * straight into records: no entity, no persistence context, one array parameter instead of an IN list. The columns
     * are those {@link BookingEntity} maps ({@link BookingRows}).
     */
    private static Map<UUID, SyncedEntity> bookings(Session session, List<UUID> ids) {
        return session.doReturningWork(connection -> {
            Map<UUID, SyncedEntity> byId = new HashMap<>(ids.size() * 2);
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + BookingRows.COLUMNS + " FROM booking WHERE id = ANY(?)")) {
                query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet r = query.executeQuery()) {
                    while (r.next()) {
                        Booking booking = BookingRows.read(r);
                        byId.put(booking.id(), booking);
                    }
                }
            }
            return byId;
        });
    }

    private static List<List<UUID>> chunks(Collection<UUID> ids) {
        List<UUID> all = List.copyOf(ids);
        List<List<UUID>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
