package com.venuedesk.desk.handover;

import com.venuedesk.desk.store.LocalBooking;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Resource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Builds the handover sheet of one venue day from the local store (its public queries only). Runs off the UI thread. */
public final class HandoverQuery {
    /** Provisional bookings this far around the day are listed as waiting to sync. */
    private static final Period SYNC_WINDOW = Period.ofDays(90);

    private final LocalBookings bookings;
    private final Clock clock;

    public HandoverQuery(LocalBookings bookings, Clock clock) {
        this.bookings = bookings;
        this.clock = clock;
    }

    /** The sheet for {@code day}, read in the venue's {@code zone}. */
    public HandoverSheet sheet(LocalDate day, ZoneId zone) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Map<UUID, String> resources = new HashMap<>();
        for (Resource resource : bookings.resources()) {
            resources.put(resource.id(), resource.name());
        }
        Map<UUID, String> customers = new HashMap<>();
        List<LocalBooking> today = bookings.localBookingsBetween(from, to).stream().filter(b -> !b.refused()).toList();
        Predicate<Booking> startsToday = b -> !b.range().start().isBefore(from) && b.range().start().isBefore(to);
        Predicate<Booking> endsToday = b -> b.range().end().isAfter(from) && !b.range().end().isAfter(to);
        List<HandoverSheet.Line> arrivals = lines(today, b -> startsToday.test(b) && (b.isActive() || b.status() == BookingStatus.COMPLETED), resources, customers);
        List<HandoverSheet.Line> departures = lines(today, b -> endsToday.test(b) && (b.isActive() || b.status() == BookingStatus.COMPLETED), resources, customers);
        List<HandoverSheet.Line> noShows = lines(today, b -> startsToday.test(b) && b.status() == BookingStatus.NO_SHOW, resources, customers);
        List<HandoverSheet.Line> cancellations = lines(today, b -> startsToday.test(b) && b.status() == BookingStatus.CANCELLED, resources, customers);
        List<LocalBooking> around = bookings.localBookingsBetween(day.minus(SYNC_WINDOW).atStartOfDay(zone).toInstant(),
                day.plus(SYNC_WINDOW).atStartOfDay(zone).toInstant());
        List<HandoverSheet.Line> waiting = around.stream().filter(LocalBooking::provisional).filter(b -> !b.refused())
                .map(b -> line(b, resources, customers)).sorted(Comparator.comparing(HandoverSheet.Line::start)).toList();
        return new HandoverSheet(day, zone, clock.instant(), arrivals, departures, noShows, cancellations, waiting,
                bookings.pendingOutboxCount(), bookings.openConflicts().size());
    }

    private List<HandoverSheet.Line> lines(List<LocalBooking> today, Predicate<Booking> which, Map<UUID, String> resources,
                                           Map<UUID, String> customers) {
        return today.stream().filter(b -> which.test(b.booking())).map(b -> line(b, resources, customers))
                .sorted(Comparator.comparing(HandoverSheet.Line::start).thenComparing(HandoverSheet.Line::resource)).toList();
    }

    private HandoverSheet.Line line(LocalBooking local, Map<UUID, String> resources, Map<UUID, String> customers) {
        Booking b = local.booking();
        String customer = customers.computeIfAbsent(b.customerId(),
                id -> bookings.customer(id).map(Customer::name).orElse("?"));
        return new HandoverSheet.Line(b.id(), b.range().start(), b.range().end(), resources.getOrDefault(b.resourceId(), "?"),
                customer, b.status(), b.checkedInAt(), local.provisional(), b.statusReason());
    }
}
