package com.venuedesk.server.booking;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.server.resources.MoneyJson;
import java.time.Instant;
import java.util.UUID;

/**
 * A booking on the wire (REST), flat: {@code start}/{@code end} as ISO-8601 UTC instants, the price as
 * {@code {"amount": "40.00", "currency": "EUR"}}. Everything the server answers is acknowledged, so never provisional.
 */
public record BookingJson(UUID id, UUID resourceId, UUID customerId, Instant start, Instant end, BookingStatus status,
                          MoneyJson price, String notes, long revision, boolean provisional, UUID createdBy,
                          Instant createdAt, Instant checkedInAt, String statusReason) {

    public static BookingJson of(Booking b) {
        return new BookingJson(b.id(), b.resourceId(), b.customerId(), b.range().start(), b.range().end(), b.status(),
                MoneyJson.of(b.price()), b.notes(), b.revision(), false, b.createdBy(), b.createdAt(), b.checkedInAt(),
                b.statusReason());
    }
}
