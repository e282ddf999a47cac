package com.venuedesk.desk.store;

import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Resource;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Copies records into rows (query columns plus wire-JSON payload) and back. */
final class Rows {
    private final WireJson json;

    Rows(WireJson json) {
        this.json = json;
    }

    /** A record the desk shows in place of the row's payload; the server's copy is kept (see {@link ServerCopy}). */
    void fill(BookingRow row, Booking b) {
        row.keepServerCopy();
        fill(row, b, json.entity(b));
    }

    /** As above, with the record's JSON already written (by {@link PulledPage#prepare}). */
    void fill(BookingRow row, Booking b, String payload) {
        row.id = b.id();
        row.resourceId = b.resourceId();
        row.customerId = b.customerId();
        row.startAt = b.range().start();
        row.endAt = b.range().end();
        row.status = b.status().name();
        row.payload = payload;
    }

    /** The JSON the store keeps records, mutations and histories in. */
    WireJson json() {
        return json;
    }

    Booking booking(BookingRow row) {
        return json.entity(row.payload, Booking.class);
    }

    LocalBooking localBooking(BookingRow row) {
        return new LocalBooking(booking(row), row.provisional, row.refused);
    }

    /** A record the desk shows in place of the row's payload; the server's copy is kept (see {@link ServerCopy}). */
    void fill(CustomerRow row, Customer c) {
        row.keepServerCopy();
        fill(row, c, json.entity(c));
    }

    /** As above, with the record's JSON already written (by {@link PulledPage#prepare}). */
    void fill(CustomerRow row, Customer c, String payload) {
        row.id = c.id();
        row.name = c.name();
        row.email = c.email();
        row.phone = c.phone();
        row.searchText = Stream.of(c.name(), c.email(), c.phone())
                .filter(s -> s != null && !s.isBlank())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
        row.payload = payload;
    }

    Customer customer(CustomerRow row) {
        return json.entity(row.payload, Customer.class);
    }

    void fill(ResourceRow row, Resource r) {
        fill(row, r, json.entity(r));
    }

    /** As above, with the record's JSON already written (by {@link PulledPage#prepare}). */
    void fill(ResourceRow row, Resource r, String payload) {
        row.id = r.id();
        row.name = r.name();
        row.active = r.active();
        row.payload = payload;
    }

    Resource resource(ResourceRow row) {
        return json.entity(row.payload, Resource.class);
    }

    void fill(RuleRow row, AvailabilityRule r) {
        fill(row, r, json.entity(r));
    }

    /** As above, with the record's JSON already written (by {@link PulledPage#prepare}). */
    void fill(RuleRow row, AvailabilityRule r, String payload) {
        row.id = r.id();
        row.resourceId = r.resourceId();
        row.payload = payload;
    }

    AvailabilityRule rule(RuleRow row) {
        return json.entity(row.payload, AvailabilityRule.class);
    }

    void fill(BlackoutRow row, Blackout b) {
        fill(row, b, json.entity(b));
    }

    /** As above, with the record's JSON already written (by {@link PulledPage#prepare}). */
    void fill(BlackoutRow row, Blackout b, String payload) {
        row.id = b.id();
        row.resourceId = b.resourceId();
        row.payload = payload;
    }

    Blackout blackout(BlackoutRow row) {
        return json.entity(row.payload, Blackout.class);
    }
}
