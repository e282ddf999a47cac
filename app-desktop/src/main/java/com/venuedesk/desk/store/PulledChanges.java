package com.venuedesk.desk.store;

import com.venuedesk.desk.store.StoreChange.Topic;
import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.SyncedEntity;
import com.venuedesk.model.sync.Change;
import com.venuedesk.model.sync.EntityType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a page of pulled changes inside the caller's transaction. Rows of the page are loaded with one query
 * per table, then inserts and updates go out as JDBC batches when the transaction flushes.
 *
 * <p>A record with a local intent still in the outbox keeps showing that intent: only its server copy and
 * revision move on, so a pull that lands between a local write and its push does not make the write flicker.
 */
final class PulledChanges {
    private static final Logger log = LoggerFactory.getLogger(PulledChanges.class);

    private final Rows rows;

    PulledChanges(Rows rows) {
        this.rows = rows;
    }

    record Result(int changed, Set<Topic> topics) { }

    Result apply(Session s, PulledPage page) {
        return apply(s, page, null);
    }

    /**
     * @param resyncSeen during a full pull after a cursor reset, the records that pull has brought so far (this page's
     *                   are added): the first time it brings a record the server's copy wins whatever the revisions
     *                   (a restored server's revisions are not the ones this desk saw), later the newer one does; null
     *                   outside a resync
     */
    Result apply(Session s, PulledPage page, Set<UUID> resyncSeen) {
        List<Change> changes = page.changes();
        if (changes.isEmpty()) {
            return new Result(0, Set.of());
        }
        Set<UUID> stored = preload(s, changes);
        Set<UUID> withLocalIntent = pendingEntities(s, changes);
        Map<UUID, BookingRow> newBookings = new LinkedHashMap<>();
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        int changed = 0;
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            boolean serverWins = resyncSeen != null && resyncSeen.add(change.entityId());
            if (applyOne(s, change, page.payload(i), withLocalIntent, stored, newBookings, serverWins)) {
                changed++;
                topics.add(topicOf(change.entityType()));
            }
        }
        insertBookings(s, newBookings.values());
        log.debug("Applied {} of {} pulled changes", changed, changes.size());
        return new Result(changed, topics);
    }

    private static Topic topicOf(EntityType type) {
        switch (type) {
            case BOOKING:
                return Topic.BOOKINGS;
            case CUSTOMER:
                return Topic.CUSTOMERS;
            default:
                return Topic.RESOURCES;
        }
    }

    /**
     * Answers which of the page's records the store already has, and brings those rows into the session so that the
     * per-change lookups hit memory. A record the store lacks is never looked up again, and a table that is still
     * empty (a first sync) is not searched at all: its rows go straight to the insert batch.
     */
    private static Set<UUID> preload(Session s, List<Change> changes) {
        Set<UUID> stored = new HashSet<>();
        preload(s, changes, EntityType.BOOKING, BookingRow.class, "booking", stored);
        preload(s, changes, EntityType.CUSTOMER, CustomerRow.class, "customer", stored);
        preload(s, changes, EntityType.RESOURCE, ResourceRow.class, "resource", stored);
        preload(s, changes, EntityType.AVAILABILITY_RULE, RuleRow.class, "availability_rule", stored);
        preload(s, changes, EntityType.BLACKOUT, BlackoutRow.class, "blackout", stored);
        return stored;
    }

    private static void preload(Session s, List<Change> changes, EntityType type, Class<?> entity, String table,
                                Set<UUID> stored) {
        Set<UUID> ids = changes.stream().filter(c -> c.entityType() == type).map(Change::entityId)
                .collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return;
        }
        if (isEmpty(s, table)) {
            // a first sync: the store has none of them, no need to look each one up
            return;
        }
        Set<UUID> found = idsAmong(s, "SELECT id FROM " + table + " WHERE id = ANY(?)", ids);
        if (!found.isEmpty()) {
            s.byMultipleIds(entity).multiLoad(List.copyOf(found));
            stored.addAll(found);
        }
    }

    private static boolean isEmpty(Session s, String table) {
        return s.doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM " + table + " FETCH FIRST 1 ROW ONLY");
                 ResultSet r = query.executeQuery()) {
                return !r.next();
            }
        });
    }

    private static Set<UUID> pendingEntities(Session s, List<Change> changes) {
        if (isEmpty(s, "outbox")) {
            return Set.of();
        }
        Set<UUID> ids = changes.stream().map(Change::entityId).collect(Collectors.toSet());
        return idsAmong(s, "SELECT DISTINCT entity_id FROM outbox WHERE state = '" + OutboxLedger.PENDING
                + "' AND entity_id = ANY(?)", ids);
    }

    /**
     * Runs {@code sql} with the ids as one array parameter: one statement H2 prepares once whatever the page size,
     * where an IN list of a page's ids would be a new query (and a new Hibernate plan) for every page.
     */
    private static Set<UUID> idsAmong(Session s, String sql, Set<UUID> ids) {
        return s.doReturningWork(connection -> {
            Set<UUID> found = new HashSet<>();
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setObject(1, ids.toArray(new UUID[0]));
                try (ResultSet r = query.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getObject(1, UUID.class));
                    }
                }
            }
            return found;
        });
    }

    /**
     * True when the change brings nothing new for a row at {@code revision}: normally when it is not newer; when the
     * server's copy wins (the first sight of the record in a resync), only when it is exactly what the row holds.
     */
    private static boolean unchanged(Change c, long revision, boolean deleted, boolean serverWins) {
        return serverWins ? c.revision() == revision && c.deleted() == deleted : c.revision() <= revision;
    }

    private boolean applyOne(Session s, Change c, String payload, Set<UUID> withLocalIntent, Set<UUID> stored,
                             Map<UUID, BookingRow> newBookings, boolean serverWins) {
        if (!c.deleted() && c.entity() == null) {
            log.warn("Pulled change {} for {} {} carries no record; skipped", c.cursor(), c.entityType(), c.entityId());
            return false;
        }
        switch (c.entityType()) {
            case BOOKING:
                return booking(s, c, payload, withLocalIntent.contains(c.entityId()), stored, newBookings, serverWins);
            case CUSTOMER:
                return customer(s, c, payload, withLocalIntent.contains(c.entityId()), stored, serverWins);
            case RESOURCE:
                return this.<ResourceRow, Resource>reference(s, c, payload, stored, ResourceRow.class, ResourceRow::new,
                        rows::fill, serverWins);
            case AVAILABILITY_RULE:
                return this.<RuleRow, AvailabilityRule>reference(s, c, payload, stored, RuleRow.class, RuleRow::new,
                        rows::fill, serverWins);
            case BLACKOUT:
                return this.<BlackoutRow, Blackout>reference(s, c, payload, stored, BlackoutRow.class, BlackoutRow::new,
                        rows::fill, serverWins);
            default:
                log.debug("Ignoring pulled {} {}: the desk keeps no copy", c.entityType(), c.entityId());
                return false;
        }
    }

    private boolean booking(Session s, Change c, String payload, boolean localIntent, Set<UUID> stored,
                            Map<UUID, BookingRow> newRows, boolean serverWins) {
        BookingRow row = newRows.get(c.entityId());
        if (row == null && stored.contains(c.entityId())) {
            row = s.find(BookingRow.class, c.entityId());
        }
        if (row != null && unchanged(c, row.revision, row.deleted, serverWins)) {
            return false;
        }
        if (c.deleted()) {
            if (row == null) {
                return false;
            }
            row.deleted = true;
            row.revision = c.revision();
            row.provisional = false;
            row.refused = false;
            return true;
        }
        Booking booking = (Booking) c.entity();
        boolean fresh = row == null;
        if (fresh) {
            row = new BookingRow();
        }
        if (fresh || !localIntent) {
            rows.fill(row, booking, payload);
            row.provisional = false;
            row.refused = false;
        }
        // with a local intent pending, that intent stays on show and only the server's copy moves on
        row.serverPayload = ServerCopy.column(payload, row.payload);
        row.revision = c.revision();
        row.deleted = false;
        if (fresh) {
            newRows.put(c.entityId(), row);
        }
        return true;
    }

    /**
     * New bookings go in as one plain JDBC batch rather than through the session: an initial sync brings tens of
     * thousands, and Hibernate's per-entity insert bookkeeping cost more than the database's work (InitialSyncBenchmark).
     */
    private static void insertBookings(Session s, Collection<BookingRow> newRows) {
        if (newRows.isEmpty()) {
            return;
        }
        s.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO booking (id, resource_id, customer_id, "
                    + "start_at, end_at, status, revision, deleted, provisional, refused, payload, server_payload) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int inBatch = 0;
                for (BookingRow row : newRows) {
                    insert.setObject(1, row.id);
                    insert.setObject(2, row.resourceId);
                    insert.setObject(3, row.customerId);
                    // H2 binds an Instant as it is; OffsetDateTime.ofInstant built new zone rules for every value
                    insert.setObject(4, row.startAt);
                    insert.setObject(5, row.endAt);
                    insert.setString(6, row.status);
                    insert.setLong(7, row.revision);
                    insert.setBoolean(8, row.deleted);
                    insert.setBoolean(9, row.provisional);
                    insert.setBoolean(10, row.refused);
                    insert.setString(11, row.payload);
                    insert.setString(12, row.serverPayload);
                    insert.addBatch();
                    if (++inBatch == DeskStore.BATCH_SIZE) {
                        insert.executeBatch();
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    private boolean customer(Session s, Change c, String payload, boolean localIntent, Set<UUID> stored,
                             boolean serverWins) {
        CustomerRow row = stored.contains(c.entityId()) ? s.find(CustomerRow.class, c.entityId()) : null;
        if (row != null && unchanged(c, row.revision, row.deleted, serverWins)) {
            return false;
        }
        if (c.deleted()) {
            if (row == null) {
                return false;
            }
            row.deleted = true;
            row.revision = c.revision();
            row.provisional = false;
            return true;
        }
        Customer customer = (Customer) c.entity();
        boolean fresh = row == null;
        if (fresh) {
            row = new CustomerRow();
        }
        if (fresh || !localIntent) {
            rows.fill(row, customer, payload);
            row.provisional = false;
        }
        row.serverPayload = ServerCopy.column(payload, row.payload);
        row.revision = c.revision();
        row.deleted = false;
        if (fresh) {
            s.persist(row);
            stored.add(c.entityId());
        }
        return true;
    }

    /** Resources, opening hours and blackouts: the server's copy wins, newer revisions only, tombstones kept. */
    private <R extends ReferenceRow, E extends SyncedEntity> boolean reference(Session s, Change c, String payload,
            Set<UUID> stored, Class<R> type, Supplier<R> create, Filler<R, E> fill, boolean serverWins) {
        R row = stored.contains(c.entityId()) ? s.find(type, c.entityId()) : null;
        if (row != null && unchanged(c, row.revision, row.deleted, serverWins)) {
            return false;
        }
        if (c.deleted()) {
            if (row != null) {
                row.deleted = true;
                row.revision = c.revision();
            }
            return row != null;
        }
        boolean fresh = row == null;
        if (fresh) {
            row = create.get();
        }
        @SuppressWarnings("unchecked")
        E entity = (E) c.entity();
        fill.fill(row, entity, payload);
        row.revision = c.revision();
        row.deleted = false;
        if (fresh) {
            s.persist(row);
            stored.add(c.entityId());
        }
        return true;
    }

    /** Copies a record and its prepared JSON into a row. */
    @FunctionalInterface
    private interface Filler<R, E> {
        void fill(R row, E entity, String payload);
    }
}
