package com.venuedesk.server.booking;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.TimeRange;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The create path's read of its neighbours, in plain SQL on the session's connection (so in its transaction): the
 * active bookings of some resources in a time window. A create runs it once per batch, and through Hibernate it cost
 * more than the rest of the write together (a fresh SQL translation whenever the number of
 * resources changed, and an entity with a dirty-check snapshot for every neighbouring booking); the same statement
 * runs on H2 and PostgreSQL, ids passed as one array parameter. The caller flushes first if its session may hold
 * unwritten changes.
 */
final class ActiveBookings {
    private static final String ACTIVE_IN_WINDOW = "SELECT " + BookingRows.COLUMNS + " FROM booking"
            + " WHERE deleted = FALSE AND status IN ('" + BookingStatus.PENDING + "', '" + BookingStatus.CONFIRMED + "')"
            + " AND resource_id = ANY (?) AND start_at < ? AND end_at > ? ORDER BY start_at";

    private ActiveBookings() {
    }

    /** The active bookings of {@code resources} that overlap {@code window}, by resource, each list in start order. */
    static Map<UUID, List<Booking>> inWindow(Session session, Set<UUID> resources, TimeRange window) {
        return session.doReturningWork(connection -> {
            Map<UUID, List<Booking>> byResource = new HashMap<>();
            try (PreparedStatement s = connection.prepareStatement(ACTIVE_IN_WINDOW)) {
                s.setArray(1, uuids(connection, resources));
                s.setObject(2, window.end().atOffset(ZoneOffset.UTC));
                s.setObject(3, window.start().atOffset(ZoneOffset.UTC));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Booking b = BookingRows.read(r);
                        byResource.computeIfAbsent(b.resourceId(), id -> new ArrayList<>()).add(b);
                    }
                }
            }
            return byResource;
        });
    }

    private static Array uuids(Connection connection, Set<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }
}
