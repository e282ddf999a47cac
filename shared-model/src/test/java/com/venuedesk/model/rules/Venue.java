package com.venuedesk.model.rules;

import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Location;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.ResourceType;
import com.venuedesk.model.domain.TimeRange;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Builders for realistic venue data in tests; ids derive from names so that failures are readable and stable. */
final class Venue {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    private Venue() {
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static Resource room(String name, int capacity, String pricePerHour, ZoneId zone) {
        return resource(name, ResourceType.MEETING_ROOM, capacity, pricePerHour, zone, true);
    }

    static Resource resource(String name, ResourceType type, int capacity, String pricePerHour, ZoneId zone, boolean active) {
        return new Resource(id(name), name, "", type, capacity, Money.of(pricePerHour, "EUR"), Location.none(), List.of(),
                active, null, zone, 1);
    }

    static AvailabilityRule open(Resource r, DayOfWeek day, String from, String to) {
        return rule(r, day, from, to, true, null, null);
    }

    static AvailabilityRule closed(Resource r, DayOfWeek day, String from, String to) {
        return rule(r, day, from, to, false, null, null);
    }

    static AvailabilityRule rule(Resource r, DayOfWeek day, String from, String to, boolean available,
                                 LocalDate validFrom, LocalDate validTo) {
        return new AvailabilityRule(id(r.name() + day + from + to + available + validFrom + validTo), r.id(), day,
                LocalTime.parse(from), LocalTime.parse(to), available, validFrom, validTo, 1);
    }

    static List<AvailabilityRule> openOn(Resource r, Set<DayOfWeek> days, String from, String to) {
        List<AvailabilityRule> rules = new ArrayList<>();
        for (DayOfWeek day : days) {
            rules.add(open(r, day, from, to));
        }
        return rules;
    }

    static List<AvailabilityRule> openEveryDay(Resource r, String from, String to) {
        return openOn(r, EnumSet.allOf(DayOfWeek.class), from, to);
    }

    static Blackout blackout(Resource r, String from, String to, String reason) {
        return new Blackout(id("blackout" + from + reason), r == null ? null : r.id(), LocalDate.parse(from),
                LocalDate.parse(to), reason, 1);
    }

    static Booking booking(Resource r, TimeRange range, BookingStatus status) {
        return booking("booking " + r.name() + range + status, r.id(), range, status);
    }

    static Booking booking(String name, UUID resourceId, TimeRange range, BookingStatus status) {
        return new Booking(id(name), resourceId, CUSTOMER, range, status, null, "", 1, null, null, null, "");
    }

    static Instant at(ZoneId zone, String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant();
    }

    /** A range given in venue local time, e.g. local(BERLIN, "2026-12-01T09:00", "2026-12-01T10:00"). */
    static TimeRange local(ZoneId zone, String from, String to) {
        return new TimeRange(at(zone, from), at(zone, to));
    }

    static TimeRange utc(String from, String to) {
        return new TimeRange(Instant.parse(from), Instant.parse(to));
    }
}
