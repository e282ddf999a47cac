package com.venuedesk.server.booking;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.TimeRange;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Storage of one {@link Booking}; the service writes it only through {@link #write(Booking)}. */
@Entity
@Table(name = "booking")
public class BookingEntity {
    @Id
    private UUID id;
    @Column(name = "resource_id", nullable = false)
    private UUID resourceId;
    @Column(name = "customer_id", nullable = false)
    private UUID customerId;
    @Column(name = "start_at", nullable = false)
    private Instant startAt;
    @Column(name = "end_at", nullable = false)
    private Instant endAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BookingStatus status;
    @Column(name = "price_amount", precision = 12, scale = 2)
    private BigDecimal priceAmount;
    @Column(name = "price_currency")
    private String priceCurrency;
    @Column(nullable = false)
    private String notes;
    @Column(name = "status_reason", nullable = false)
    private String statusReason;
    @Column(name = "checked_in_at")
    private Instant checkedInAt;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private long revision;
    @Column(nullable = false)
    private boolean deleted;

    protected BookingEntity() {
    }

    BookingEntity(Booking booking) {
        id = booking.id();
        createdBy = booking.createdBy();
        createdAt = booking.createdAt();
        write(booking);
    }

    /** Copies every changeable field and the revision from the record. */
    void write(Booking b) {
        resourceId = b.resourceId();
        customerId = b.customerId();
        startAt = b.range().start();
        endAt = b.range().end();
        status = b.status();
        priceAmount = b.price() == null ? null : b.price().amount();
        priceCurrency = b.price() == null ? null : b.price().currency();
        notes = b.notes();
        statusReason = b.statusReason();
        checkedInAt = b.checkedInAt();
        revision = b.revision();
    }

    Booking toBooking() {
        Money price = priceAmount == null ? null : new Money(priceAmount, priceCurrency.strip());
        return new Booking(id, resourceId, customerId, new TimeRange(startAt, endAt), status, price, notes, revision,
                createdBy, createdAt, checkedInAt, statusReason);
    }
}
