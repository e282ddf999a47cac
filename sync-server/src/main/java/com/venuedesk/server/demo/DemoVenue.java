package com.venuedesk.server.demo;

import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Location;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.ResourceType;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.sync.BookingAction;
import com.venuedesk.server.auth.AuthService;
import com.venuedesk.server.auth.Principal;
import com.venuedesk.server.auth.UserAccount;
import com.venuedesk.server.booking.BookingOutcome;
import com.venuedesk.server.booking.BookingService;
import com.venuedesk.server.booking.NewBooking;
import com.venuedesk.server.customers.CustomerDraft;
import com.venuedesk.server.customers.CustomerOutcome;
import com.venuedesk.server.customers.CustomerService;
import com.venuedesk.server.persistence.Database;
import com.venuedesk.server.resources.BlackoutDraft;
import com.venuedesk.server.resources.ResourceDetails;
import com.venuedesk.server.resources.ResourceDraft;
import com.venuedesk.server.resources.ResourceOutcome;
import com.venuedesk.server.resources.ResourceService;
import com.venuedesk.server.resources.RuleDraft;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A demo venue for newcomers and trade-show laptops: six resources of every kind in Berlin, opening hours Mon-Sat
 * 08:00-20:00, a blackout, fifteen customers and forty bookings in the current week, plus the staff accounts
 * {@code desk}/{@code desk-password} and {@code manager}/{@code manager-password}. Everything goes through the
 * same services as real input, so the demo obeys every rule (no overlaps, revisions, change log).
 */
public final class DemoVenue {
    private static final Logger LOG = LoggerFactory.getLogger(DemoVenue.class);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final int BOOKINGS = 40;

    /** One booking pattern of a day: which resource, when, how long. */
    private record Template(int resource, LocalTime start, int minutes) { }

    /** Within one day no two templates of one resource overlap; rotating resources per day keeps that true. */
    private static final List<Template> DAY = List.of(
            new Template(0, LocalTime.of(9, 0), 60),
            new Template(1, LocalTime.of(9, 30), 90),
            new Template(0, LocalTime.of(11, 0), 120),
            new Template(3, LocalTime.of(10, 0), 180),
            new Template(4, LocalTime.of(8, 0), 240),
            new Template(2, LocalTime.of(15, 0), 180));
    private static final int ROTATING = 5;

    private final Database db;
    private final ResourceService resources;
    private final CustomerService customers;
    private final BookingService bookings;
    private final Clock clock;

    public DemoVenue(Database db, ResourceService resources, CustomerService customers, BookingService bookings, Clock clock) {
        this.db = db;
        this.resources = resources;
        this.customers = customers;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** Seeds the venue when there are no resources yet; otherwise does nothing. */
    public void seedIfEmpty() {
        if (!resources.list().isEmpty()) {
            LOG.info("demo venue not seeded: the database already has resources");
            return;
        }
        Principal manager = ensureUser("manager", "manager-password", Role.MANAGER);
        Principal desk = ensureUser("desk", "desk-password", Role.FRONT_DESK);
        List<UUID> resourceIds = createResources(manager);
        List<UUID> customerIds = createCustomers(desk);
        int booked = createBookings(desk, manager, resourceIds, customerIds);
        LOG.info("demo venue seeded: {} resources, {} customers, {} bookings", resourceIds.size(), customerIds.size(), booked);
    }

    private Principal ensureUser(String username, String password, Role role) {
        return db.inTransaction(session -> {
            UserAccount existing = session.createSelectionQuery("from UserAccount where username = :u", UserAccount.class)
                    .setParameter("u", username).uniqueResultOptional().orElse(null);
            if (existing != null) {
                return existing.principal();
            }
            UserAccount user = new UserAccount(UUID.randomUUID(), username, AuthService.hash(password), role, clock.instant());
            session.persist(user);
            return user.principal();
        });
    }

    private List<UUID> createResources(Principal manager) {
        Location house = new Location("Friedrichstraße 100", "Berlin", "DE", 52.5200, 13.3880);
        List<ResourceDraft> drafts = List.of(
                draft("Room Aurora", "Bright meeting room with a view of the courtyard", ResourceType.MEETING_ROOM, 8, "40.00",
                        house, List.of("screen", "whiteboard", "video conferencing"), false),
                draft("Room Borealis", "Boardroom with a large table", ResourceType.MEETING_ROOM, 12, "55.00",
                        house, List.of("screen", "whiteboard"), false),
                draft("Main Hall", "Event hall for talks and parties; bookings need a manager's approval", ResourceType.VENUE,
                        120, "250.00", house, List.of("stage", "sound system", "projector"), true),
                draft("Projector Kit", "Portable projector with screen and cables", ResourceType.EQUIPMENT, 1, "15.00",
                        house, List.of("HDMI", "USB-C"), false),
                draft("Hot Desk Service", "A desk in the open space with coffee", ResourceType.SERVICE, 1, "12.00",
                        house, List.of("coffee", "wifi"), false),
                draft("Guest Room 1", "Double room for visiting speakers", ResourceType.ACCOMMODATION, 2, "30.00",
                        house, List.of("shower", "wifi"), false));
        List<UUID> ids = new ArrayList<>();
        for (ResourceDraft d : drafts) {
            ResourceDetails created = saved(resources.create(manager, null, d));
            UUID id = created.resource().id();
            ids.add(id);
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)) {
                saved(resources.addRule(manager, id, new RuleDraft(day, LocalTime.of(8, 0), LocalTime.of(20, 0), true, null, null)));
            }
        }
        LocalDate inTwoWeeks = today().plusWeeks(2);
        saved(resources.addBlackout(manager, new BlackoutDraft(ids.get(2), inTwoWeeks, inTwoWeeks.plusDays(1),
                "Floor renovation")));
        return ids;
    }

    private static ResourceDraft draft(String name, String description, ResourceType type, int capacity, String price,
                                       Location location, List<String> amenities, boolean requiresApproval) {
        return new ResourceDraft(name, description, type, capacity, Money.of(price, "EUR"), BERLIN.getId(), location,
                amenities, true, null, requiresApproval);
    }

    private List<UUID> createCustomers(Principal desk) {
        String[] names = {"Anna Schmidt", "Ben Müller", "Clara Weber", "David Fischer", "Eva Wagner", "Felix Becker",
                "Greta Hoffmann", "Hannes Schulz", "Ida Koch", "Jonas Richter", "Klara Wolf", "Lukas Neumann",
                "Mia Schwarz", "Noah Zimmermann", "Olivia Braun"};
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String email = names[i].toLowerCase(java.util.Locale.ROOT).replace("ü", "ue").replace(' ', '.') + "@example.com";
            String phone = String.format("+49 30 5550%03d", i + 1);
            CustomerOutcome outcome = customers.upsert(desk, null, new CustomerDraft(names[i], email, phone, ""), 0);
            if (!(outcome instanceof CustomerOutcome.Saved saved)) {
                throw new IllegalStateException("demo customer refused: " + outcome);
            }
            ids.add(saved.customer().id());
        }
        return ids;
    }

    private int createBookings(Principal desk, Principal manager, List<UUID> resourceIds, List<UUID> customerIds) {
        LocalDate monday = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant now = clock.instant();
        int count = 0;
        for (int day = 0; day < 6 && count < BOOKINGS; day++) {
            LocalDate date = monday.plusDays(day);
            List<NewBooking> wanted = new ArrayList<>();
            for (Template t : DAY) {
                UUID resource = resourceIds.get((t.resource() + day) % ROTATING);
                wanted.add(booking(resource, customerIds.get((day * 7 + wanted.size()) % customerIds.size()), date, t.start(), t.minutes()));
            }
            if (day != 1 && day != 3) {
                wanted.add(booking(resourceIds.get(5), customerIds.get((day * 7 + 6) % customerIds.size()), date,
                        LocalTime.of(14, 0), 360));
            }
            for (NewBooking b : wanted) {
                if (count == BOOKINGS) {
                    break;
                }
                BookingOutcome outcome = bookings.create(desk, b);
                if (!(outcome instanceof BookingOutcome.Saved saved)) {
                    throw new IllegalStateException("demo booking refused: " + outcome);
                }
                count++;
                progress(desk, manager, saved, count, now);
            }
        }
        return count;
    }

    /** Gives past bookings a realistic end: most completed, a few no-shows and cancellations; approves some holds. */
    private void progress(Principal desk, Principal manager, BookingOutcome.Saved saved, int n, Instant now) {
        UUID id = saved.booking().id();
        if (saved.booking().status() == BookingStatus.PENDING) {
            if (n % 2 == 0) {
                bookings.changeStatus(manager, id, BookingAction.APPROVE, null, null);
            } else {
                return;
            }
        }
        if (n % 11 == 0) {
            bookings.changeStatus(desk, id, BookingAction.CANCEL, "Customer called to cancel", null);
        } else if (saved.booking().range().end().isBefore(now)) {
            if (n % 9 == 0) {
                bookings.changeStatus(desk, id, BookingAction.NO_SHOW, "Did not arrive", null);
            } else {
                bookings.changeStatus(desk, id, BookingAction.CHECK_IN, null, saved.booking().range().start());
                bookings.changeStatus(desk, id, BookingAction.COMPLETE, null, null);
            }
        }
    }

    private static NewBooking booking(UUID resource, UUID customer, LocalDate date, LocalTime start, int minutes) {
        Instant from = date.atTime(start).atZone(BERLIN).toInstant();
        return new NewBooking(UUID.randomUUID(), resource, customer, from, from.plusSeconds(minutes * 60L), "");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BERLIN));
    }

    private static <T> T saved(ResourceOutcome<T> outcome) {
        if (outcome instanceof ResourceOutcome.Saved<T> s) {
            return s.value();
        }
        throw new IllegalStateException("demo data refused: " + outcome);
    }
}
