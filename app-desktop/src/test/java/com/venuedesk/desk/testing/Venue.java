package com.venuedesk.desk.testing;

import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.desk.store.LocalBookings;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A real local store in a temporary directory holding what a first pull from the server would bring: two rooms
 * (40 EUR/h and 60 EUR/h, no opening-hour rules), one guest and one confirmed booking on Tuesday 1 December 2026,
 * 10:00-11:00 Berlin time. The clock stands at 07:00 UTC that day.
 */
public final class Venue implements AutoCloseable {
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final Instant NOW = Instant.parse("2026-12-01T07:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    public final DeskStore store;
    public final LocalBookings bookings;
    public final Resource roomA = room("Room A", "40.00");
    public final Resource roomB = room("Room B", "60.00");
    public final Customer ada = new Customer(UUID.nameUUIDFromBytes("ada".getBytes()), "Ada Lovelace",
            "ada@example.com", "+44 20 7946 0000", "", 1);
    /** 10:00-11:00 Berlin (09:00-10:00 UTC) in Room A, confirmed by the server. */
    public final Booking adaInRoomA;

    public Venue(Path dir) {
        store = DeskStore.open(dir, CLOCK);
        bookings = new LocalBookings(store, CLOCK, UUID.randomUUID());
        adaInRoomA = new Booking(UUID.nameUUIDFromBytes("ada-booking".getBytes()), roomA.id(), ada.id(),
                at(10, 11), BookingStatus.CONFIRMED, Money.of("40.00", "EUR"), "window seat", 1, UUID.randomUUID(),
                NOW.minusSeconds(86_400), null, "");
        store.applyPulled(List.of(
                new Change("1", EntityType.RESOURCE, roomA.id(), 1, false, roomA),
                new Change("2", EntityType.RESOURCE, roomB.id(), 1, false, roomB),
                new Change("3", EntityType.CUSTOMER, ada.id(), 1, false, ada),
                new Change("4", EntityType.BOOKING, adaInRoomA.id(), 1, false, adaInRoomA)));
    }

    /** The hours [from, to) on 1 December 2026, Berlin time. */
    public static TimeRange at(int fromHour, int toHour) {
        return new TimeRange(Instant.parse("2026-12-01T00:00:00Z").atZone(BERLIN).withHour(fromHour).toInstant(),
                Instant.parse("2026-12-01T00:00:00Z").atZone(BERLIN).withHour(toHour).toInstant());
    }

    private static Resource room(String name, String price) {
        return new Resource(UUID.nameUUIDFromBytes(name.getBytes()), name, "", ResourceType.MEETING_ROOM, 8,
                Money.of(price, "EUR"), Location.none(), List.of(), true, null, BERLIN, 1);
    }

    @Override
    public void close() {
        store.close();
    }
}
