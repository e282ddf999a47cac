package com.venuedesk.desk.store;

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
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Records as the server would send them, for tests. */
public final class Fixtures {
    public static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");

    private Fixtures() {
    }

    public static Resource room(String name, long revision) {
        return new Resource(UUID.nameUUIDFromBytes(name.getBytes()), name, "", ResourceType.MEETING_ROOM, 8,
                Money.of("40.00", "EUR"), Location.none(), List.of("projector"), true, null,
                ZoneId.of("Europe/Berlin"), revision);
    }

    public static Customer guest(String name, long revision) {
        return new Customer(UUID.nameUUIDFromBytes(name.getBytes()), name, name.toLowerCase().replace(' ', '.') + "@example.com",
                "+49 30 1234567", "", revision);
    }

    public static Booking confirmed(UUID id, Resource room, Customer guest, TimeRange range, long revision) {
        return new Booking(id, room.id(), guest.id(), range, BookingStatus.CONFIRMED, Money.of("40.00", "EUR"), "",
                revision, UUID.randomUUID(), NINE.minusSeconds(86_400), null, "");
    }

    public static TimeRange hour(int startHourUtc) {
        Instant start = NINE.plusSeconds((startHourUtc - 9) * 3600L);
        return new TimeRange(start, start.plusSeconds(3600));
    }

    public static Change upsert(String cursor, Resource r) {
        return new Change(cursor, EntityType.RESOURCE, r.id(), r.revision(), false, r);
    }

    public static Change upsert(String cursor, Customer c) {
        return new Change(cursor, EntityType.CUSTOMER, c.id(), c.revision(), false, c);
    }

    public static Change upsert(String cursor, Booking b) {
        return new Change(cursor, EntityType.BOOKING, b.id(), b.revision(), false, b);
    }

    public static Change tombstone(String cursor, EntityType type, UUID id, long revision) {
        return new Change(cursor, type, id, revision, true, null);
    }
}
