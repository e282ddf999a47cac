package com.venuedesk.benchmarks.desk;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Location;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.ResourceType;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.sync.Change;
import com.venuedesk.model.sync.EntityType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A venue's week as the desk's store holds it after a pull: resources, guests and one-hour bookings that never
 * overlap on a resource (the server would not allow it), spread over the seven days from {@code firstDay}.
 */
final class BusyWeek {
    /** Bookable hours per day, inside the calendar's uncompressed 07:00-22:00 band. */
    static final int FIRST_HOUR = 7;
    static final int HOURS_PER_DAY = 15;
    private static final int GUESTS = 60;

    private final List<Resource> resources = new ArrayList<>();
    private final List<Customer> guests = new ArrayList<>();
    private final List<Booking> bookings = new ArrayList<>();

    BusyWeek(LocalDate firstDay, ZoneId zone, int resourceCount, int bookingCount) {
        if (bookingCount > resourceCount * 7 * HOURS_PER_DAY) {
            throw new IllegalArgumentException(bookingCount + " one-hour bookings do not fit " + resourceCount + " resources in a week");
        }
        for (int r = 0; r < resourceCount; r++) {
            resources.add(new Resource(UUID.randomUUID(), "Room " + (r + 1), "", ResourceType.MEETING_ROOM, 10,
                    Money.of("40.00", "EUR"), Location.none(), List.of(), true, null, zone, 1));
        }
        for (int g = 0; g < GUESTS; g++) {
            guests.add(new Customer(UUID.randomUUID(), "Guest " + (g + 1), "guest" + (g + 1) + "@example.com", null, "", 1));
        }
        Instant created = firstDay.minusDays(10).atStartOfDay(zone).toInstant();
        for (int i = 0; i < bookingCount; i++) {
            Resource resource = resources.get(i % resourceCount);
            int slot = i / resourceCount;
            LocalDate day = firstDay.plusDays(slot / HOURS_PER_DAY);
            int hour = FIRST_HOUR + slot % HOURS_PER_DAY;
            TimeRange range = new TimeRange(day.atTime(hour, 0).atZone(zone).toInstant(),
                    day.atTime(hour + 1, 0).atZone(zone).toInstant());
            bookings.add(new Booking(UUID.randomUUID(), resource.id(), guests.get(i % GUESTS).id(), range,
                    BookingStatus.CONFIRMED, resource.pricePerHour().times(BigDecimal.ONE), "", 1, null, created, null, ""));
        }
    }

    List<Resource> resources() {
        return resources;
    }

    List<Customer> guests() {
        return guests;
    }

    List<Booking> bookings() {
        return bookings;
    }

    /** Everything as one pulled page, the way a first sync would deliver it. */
    List<Change> asPulledChanges() {
        List<Change> changes = new ArrayList<>();
        int cursor = 0;
        for (Resource r : resources) {
            changes.add(new Change(String.valueOf(++cursor), EntityType.RESOURCE, r.id(), 1, false, r));
        }
        for (Customer c : guests) {
            changes.add(new Change(String.valueOf(++cursor), EntityType.CUSTOMER, c.id(), 1, false, c));
        }
        for (Booking b : bookings) {
            changes.add(new Change(String.valueOf(++cursor), EntityType.BOOKING, b.id(), 1, false, b));
        }
        return changes;
    }
}
