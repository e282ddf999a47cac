package com.venuedesk.server.booking;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.server.persistence.JdbcBatch;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Booking rows read and written with plain JDBC, for the hot paths that skip Hibernate (the create path, a pull's
 * pages): the columns {@link BookingEntity} maps, in one order, the record a row makes, and the insert of new ones.
 * {@code SyncPullIT} holds this reading to the entity's; the API suites read created bookings back through the entity.
 */
public final class BookingRows {
    /** The select list, to be followed by {@code FROM booking ...}. */
    public static final String COLUMNS = "id, resource_id, customer_id, start_at, end_at, status, price_amount,"
            + " price_currency, notes, revision, created_by, created_at, checked_in_at, status_reason";

    private static final String INSERT = "INSERT INTO booking (" + COLUMNS + ", deleted)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)";
    private static final String BY_IDS = "SELECT " + COLUMNS + " FROM booking WHERE id = ANY (?)";

    private BookingRows() {
    }

    /** Inserts new bookings in one JDBC batch (one statement for one booking), in the connection's transaction. */
    static void insertAll(Connection connection, List<Booking> bookings) throws SQLException {
        JdbcBatch.executeForEach(connection, INSERT, bookings, (insert, b) -> {
            insert.setObject(1, b.id());
            insert.setObject(2, b.resourceId());
            insert.setObject(3, b.customerId());
            insert.setObject(4, utc(b.range().start()));
            insert.setObject(5, utc(b.range().end()));
            insert.setString(6, b.status().name());
            insert.setBigDecimal(7, b.price() == null ? null : b.price().amount());
            insert.setString(8, b.price() == null ? null : b.price().currency());
            insert.setString(9, b.notes());
            insert.setLong(10, b.revision());
            insert.setObject(11, b.createdBy());
            insert.setObject(12, utc(b.createdAt()));
            insert.setObject(13, utc(b.checkedInAt()));
            insert.setString(14, b.statusReason());
        });
    }

    /** The stored bookings (any status, tombstones included) among the ids. */
    static List<Booking> findAll(Connection connection, Collection<UUID> ids) throws SQLException {
        List<Booking> found = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(BY_IDS)) {
            s.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(read(r));
                }
            }
        }
        return found;
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    /** The booking in the result set's current row, selected with {@link #COLUMNS}. */
    public static Booking read(ResultSet r) throws SQLException {
        BigDecimal amount = r.getBigDecimal(7);
        Money price = amount == null ? null : new Money(amount, r.getString(8).strip());
        return new Booking(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getObject(3, UUID.class),
                new TimeRange(instant(r, 4), instant(r, 5)), BookingStatus.valueOf(r.getString(6)), price,
                r.getString(9), r.getLong(10), r.getObject(11, UUID.class), instant(r, 12), instant(r, 13),
                r.getString(14));
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime at = r.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
