package com.venuedesk.desk.testing;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A real desk store in a temporary directory for the screen tests, filled as a pull from the server would fill it.
 * The clock stands at 08:00 UTC (09:00 Berlin) on Tuesday 1 December 2026.
 */
public final class FrontDesk implements AutoCloseable {
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    public static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    public final DeskStore store;
    public final LocalBookings bookings;
    public final Messages messages = new Messages(Locale.ENGLISH);
    public final VenueFormats formats = new VenueFormats(BERLIN, Locale.ENGLISH);
    public final Resource roomA = room("Room A");
    public final Resource roomB = room("Room B");
    private final List<Change> changes = new ArrayList<>();
    private int cursor;

    public FrontDesk(Path dir) {
        store = DeskStore.open(dir, CLOCK);
        bookings = new LocalBookings(store, CLOCK, UUID.randomUUID());
        pulled(roomA);
        pulled(roomB);
    }

    public static Resource room(String name) {
        return new Resource(UUID.nameUUIDFromBytes(name.getBytes()), name, "", ResourceType.MEETING_ROOM, 8,
                Money.of("40.00", "EUR"), Location.none(), List.of(), true, null, BERLIN, 1);
    }

    public Customer customer(String name, String email, String phone) {
        Customer customer = new Customer(UUID.nameUUIDFromBytes(name.getBytes()), name, email, phone, "", 1);
        pulled(customer);
        return customer;
    }

    /** A booking the server already holds, on {@code day} from {@code fromHour} to {@code toHour} Berlin time. */
    public Booking booking(Resource room, Customer guest, LocalDate day, int fromHour, int toHour, BookingStatus status,
                           Instant checkedInAt, String reason) {
        TimeRange range = new TimeRange(day.atTime(fromHour, 0).atZone(BERLIN).toInstant(), day.atTime(toHour, 0).atZone(BERLIN).toInstant());
        Booking booking = new Booking(UUID.randomUUID(), room.id(), guest.id(), range, status, Money.of("40.00", "EUR"), "", 1,
                UUID.randomUUID(), NOW.minusSeconds(86_400), checkedInAt, reason);
        pulled(booking);
        return booking;
    }

    /** Applies everything recorded since the last call as one pulled page. */
    public FrontDesk sync() {
        store.applyPulledPage(List.copyOf(changes), String.valueOf(cursor));
        changes.clear();
        return this;
    }

    private void pulled(Object record) {
        cursor++;
        String at = String.valueOf(cursor);
        if (record instanceof Resource r) {
            changes.add(new Change(at, EntityType.RESOURCE, r.id(), r.revision(), false, r));
        } else if (record instanceof Customer c) {
            changes.add(new Change(at, EntityType.CUSTOMER, c.id(), c.revision(), false, c));
        } else if (record instanceof Booking b) {
            changes.add(new Change(at, EntityType.BOOKING, b.id(), b.revision(), false, b));
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
