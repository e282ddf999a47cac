package com.venuedesk.server.booking;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.TimeRange;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Booking rows read with plain JDBC, for the hot reads that skip Hibernate (the create path's neighbours, a pull's
 * pages): the columns {@link BookingEntity} maps, in one order, and the record a row makes. {@code SyncPullIT} holds
 * this reading to the entity's.
 */
public final class BookingRows {
    /** The select list, to be followed by {@code FROM booking ...}. */
    public static final String COLUMNS = "id, resource_id, customer_id, start_at, end_at, status, price_amount,"
            + " price_currency, notes, revision, created_by, created_at, checked_in_at, status_reason";

    private BookingRows() {
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
