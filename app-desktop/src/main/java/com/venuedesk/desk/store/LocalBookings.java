package com.venuedesk.desk.store;

import com.venuedesk.desk.store.LocalWrite.Clash;
import com.venuedesk.desk.store.LocalWrite.Invalid;
import com.venuedesk.desk.store.LocalWrite.Recorded;
import com.venuedesk.desk.store.StoreChange.Topic;
import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.Slot;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.rules.Availability;
import com.venuedesk.model.rules.Bookability;
import com.venuedesk.model.rules.ConflictRules;
import com.venuedesk.model.rules.SlotSuggester;
import com.venuedesk.model.rules.SuggestionRequest;
import com.venuedesk.model.rules.CustomerSearch;
import com.venuedesk.model.sync.StatusSteps;
import com.venuedesk.model.sync.BookingAction;
import com.venuedesk.model.sync.Mutation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * What front-desk staff do to bookings and customers, on the local store: each accepted write and its outbox
 * mutation commit in one local transaction, so the intent reaches the server later even if the desk is offline
 * now. Writes are checked first with the same rules the server applies.
 */
public final class LocalBookings {
    /** Bookings this far around a wanted slot are considered when suggesting alternatives. */
    private static final Duration SUGGESTION_WINDOW = Duration.ofDays(1);
    private static final Duration SUGGESTION_STEP = Duration.ofMinutes(15);
    private static final int MAX_ALTERNATIVES = 5;

    private final DeskStore store;
    private final Clock clock;
    /** The clerk signed in at this desk: credited with every mutation recorded here (the mutation's actedBy). */
    private final UUID userId;
    private final Supplier<UUID> ids;
    private final Rows rows;
    private final StoreReads reads;
    private final OutboxLedger outbox;

    public LocalBookings(DeskStore store, Clock clock, UUID userId) {
        this(store, clock, userId, UUID::randomUUID);
    }

    LocalBookings(DeskStore store, Clock clock, UUID userId, Supplier<UUID> ids) {
        this.store = store;
        this.clock = clock;
        this.userId = userId;
        this.ids = ids;
        this.rows = store.rows();
        this.reads = store.reads();
        this.outbox = new OutboxLedger(rows, store.json(), clock);
    }

    // ---- writes

    public LocalWrite createBooking(UUID resourceId, UUID customerId, TimeRange range, String notes) {
        return store.write(s -> {
            try {
                Optional<Resource> resource = liveResource(s, resourceId);
                if (resource.isEmpty()) {
                    return new Invalid("resourceId", "unknown resource " + resourceId);
                }
                CustomerRow customer = s.find(CustomerRow.class, customerId);
                if (customer == null || customer.deleted) {
                    return new Invalid("customerId", "unknown customer " + customerId);
                }
                Optional<LocalWrite> refusal = checkTime(s, resource.get(), range, null);
                if (refusal.isPresent()) {
                    return refusal.get();
                }
                Booking booking = new Booking(ids.get(), resourceId, customerId, range, BookingStatus.PENDING, null,
                        notes, 0, userId, clock.instant(), null, "");
                BookingRow row = new BookingRow();
                rows.fill(row, booking);
                row.provisional = true;
                s.persist(row);
                outbox.record(s, new Mutation.CreateBooking(ids.get(), booking.id(), resourceId, customerId,
                        range.start(), range.end(), booking.notes(), userId));
                return new Recorded(booking);
            } catch (DomainException e) {
                return new Invalid(e.field(), e.getMessage());
            }
        }, LocalBookings::changeOf);
    }

    public LocalWrite reschedule(UUID bookingId, UUID resourceId, TimeRange range) {
        return changeActive(bookingId, "moved", (s, row, booking) -> {
            Optional<Resource> resource = liveResource(s, resourceId);
            if (resource.isEmpty()) {
                return new Invalid("resourceId", "unknown resource " + resourceId);
            }
            Optional<LocalWrite> refusal = checkTime(s, resource.get(), range, bookingId);
            if (refusal.isPresent()) {
                return refusal.get();
            }
            Booking moved = booking.withResource(resourceId).withRange(range);
            rows.fill(row, moved);
            row.provisional = true;
            outbox.record(s, new Mutation.RescheduleBooking(ids.get(), bookingId, row.revision, resourceId,
                    range.start(), range.end(), userId));
            return new Recorded(moved);
        });
    }

    /** Another guest or other notes on an active booking; the time stays (see {@link #reschedule}). */
    public LocalWrite updateDetails(UUID bookingId, UUID customerId, String notes) {
        return changeActive(bookingId, "changed", (s, row, booking) -> {
            CustomerRow customer = customerId == null ? null : s.find(CustomerRow.class, customerId);
            if (customer == null || customer.deleted) {
                return new Invalid("customerId", "unknown customer " + customerId);
            }
            Booking changed = new Booking(booking.id(), booking.resourceId(), customerId, booking.range(),
                    booking.status(), booking.price(), notes, booking.revision(), booking.createdBy(),
                    booking.createdAt(), booking.checkedInAt(), booking.statusReason());
            rows.fill(row, changed);
            row.provisional = true;
            outbox.record(s, new Mutation.UpdateBookingDetails(ids.get(), bookingId, row.revision, customerId,
                    changed.notes(), userId));
            return new Recorded(changed);
        });
    }

    /** A change of an active booking, given its row and the booking it holds. */
    private interface ActiveChange {
        LocalWrite apply(Session s, BookingRow row, Booking booking);
    }

    /**
     * The part a move and a change of details share: the booking must exist here and be active (else "cannot be
     * {@code verb}"); a rule the change breaks comes back as the refused field, with nothing written.
     */
    private LocalWrite changeActive(UUID bookingId, String verb, ActiveChange change) {
        return store.write(s -> {
            try {
                BookingRow row = s.find(BookingRow.class, bookingId);
                Optional<Invalid> unusable = unusable(row, bookingId);
                if (unusable.isPresent()) {
                    return unusable.get();
                }
                Booking booking = rows.booking(row);
                if (!booking.isActive()) {
                    return new Invalid("status", "a " + booking.status() + " booking cannot be " + verb);
                }
                return change.apply(s, row, booking);
            } catch (DomainException e) {
                return new Invalid(e.field(), e.getMessage());
            }
        }, LocalBookings::changeOf);
    }

    public LocalWrite changeStatus(UUID bookingId, BookingAction action, String reason) {
        return store.write(s -> {
            BookingRow row = s.find(BookingRow.class, bookingId);
            Optional<Invalid> unusable = unusable(row, bookingId);
            if (unusable.isPresent()) {
                return unusable.get();
            }
            Booking booking = rows.booking(row);
            Instant now = clock.instant();
            StatusSteps.Step step = StatusSteps.take(booking, action, reason, now);
            if (step instanceof StatusSteps.Step.Refused refused) {
                return new Invalid("status", refused.reason());
            }
            if (step instanceof StatusSteps.Step.AlreadyDone done) {
                return new Invalid("status", done.reason());
            }
            Booking changed = ((StatusSteps.Step.Changed) step).next();
            rows.fill(row, changed);
            row.provisional = true;
            outbox.record(s, new Mutation.ChangeBookingStatus(ids.get(), bookingId, action, reason, now, userId));
            return new Recorded(changed);
        }, LocalBookings::changeOf);
    }

    /** Creates the customer, or updates the desk's copy of it; the server decides on push. */
    public LocalWrite upsertCustomer(Customer customer) {
        return store.write(s -> {
            CustomerRow row = s.find(CustomerRow.class, customer.id());
            boolean fresh = row == null;
            if (fresh) {
                row = new CustomerRow();
            } else if (row.deleted) {
                return new Invalid("id", "customer " + customer.id() + " was deleted");
            }
            long expectedRevision = fresh ? 0 : row.revision;
            rows.fill(row, customer);
            row.provisional = true;
            if (fresh) {
                s.persist(row);
            }
            outbox.record(s, new Mutation.UpsertCustomer(ids.get(), customer, expectedRevision, userId));
            return new Recorded(customer);
        }, w -> w instanceof Recorded ? StoreChange.local(Topic.CUSTOMERS, Topic.OUTBOX) : null);
    }

    private static StoreChange changeOf(LocalWrite write) {
        return write instanceof Recorded ? StoreChange.local(Topic.BOOKINGS, Topic.OUTBOX) : null;
    }

    private static Optional<Invalid> unusable(BookingRow row, UUID bookingId) {
        if (row == null || row.deleted) {
            return Optional.of(new Invalid("bookingId", "unknown booking " + bookingId));
        }
        if (row.refused) {
            return Optional.of(new Invalid("bookingId", "the server refused this booking; resolve its conflict first"));
        }
        return Optional.empty();
    }

    private Optional<Resource> liveResource(Session s, UUID resourceId) {
        ResourceRow row = resourceId == null ? null : s.find(ResourceRow.class, resourceId);
        return row == null || row.deleted ? Optional.empty() : Optional.of(rows.resource(row));
    }

    /**
     * Opening hours and blackouts first, then clashes with the bookings this desk knows of: the shared-model rules the
     * server applies, so the desk's instant answer and the server's later one agree unless someone else booked meanwhile.
     */
    private Optional<LocalWrite> checkTime(Session s, Resource resource, TimeRange range, UUID ignoreBookingId) {
        List<AvailabilityRule> resourceRules = rulesOf(s, resource.id());
        List<Blackout> resourceBlackouts = blackoutsOf(s, resource.id());
        if (Availability.check(resource, range, resourceRules, resourceBlackouts) instanceof Bookability.NotBookable closed) {
            return Optional.of(new Invalid(closed.field(), closed.reason()));
        }
        TimeRange around = new TimeRange(range.start().minus(SUGGESTION_WINDOW), range.end().plus(SUGGESTION_WINDOW));
        List<Booking> nearby = holding(s, resource.id(), around);
        List<Booking> conflicts = ConflictRules.conflictsWith(resource.id(), range, ignoreBookingId, nearby);
        if (conflicts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Clash(conflicts, alternatives(s, resource, range, ignoreBookingId, around)));
    }

    /** Free slots to offer instead: nearest on the same resource, then the same time on similar resources. */
    private List<Slot> alternatives(Session s, Resource resource, TimeRange wanted, UUID ignoreBookingId, TimeRange around) {
        List<Resource> all = store.query(s, reads::resources);
        Map<UUID, List<AvailabilityRule>> rulesByResource = store.query(s, reads::rules).stream()
                .collect(Collectors.groupingBy(AvailabilityRule::resourceId));
        List<Blackout> blackouts = store.query(s, reads::blackouts);
        List<Booking> bookings = store.query(s, c -> reads.heldBetween(c, around)).stream()
                .filter(b -> !b.id().equals(ignoreBookingId)).toList();
        return SlotSuggester.suggest(new SuggestionRequest(resource, wanted, all, rulesByResource, blackouts,
                bookings, MAX_ALTERNATIVES, SUGGESTION_WINDOW, SUGGESTION_STEP, clock.instant()));
    }

    /** Bookings that hold time on the resource within the range: refused ones do not. */
    private List<Booking> holding(Session s, UUID resourceId, TimeRange range) {
        return store.query(s, c -> reads.holding(c, resourceId, range));
    }

    private List<AvailabilityRule> rulesOf(Session s, UUID resourceId) {
        return store.query(s, c -> reads.rulesOf(c, resourceId));
    }

    private List<Blackout> blackoutsOf(Session s, UUID resourceId) {
        return store.query(s, c -> reads.blackoutsOf(c, resourceId));
    }

    // ---- queries

    /** Bookings overlapping [from, to), provisional ones included, refused ones not; by start time. */
    public List<Booking> bookingsBetween(Instant from, Instant to) {
        return localBookingsBetween(from, to).stream().filter(b -> !b.refused()).map(LocalBooking::booking).toList();
    }

    /** Bookings overlapping [from, to) with their provisional and refused flags, refused ones included. */
    public List<LocalBooking> localBookingsBetween(Instant from, Instant to) {
        return store.query(c -> reads.bookingsBetween(c, from, to));
    }

    public Optional<LocalBooking> booking(UUID bookingId) {
        return store.query(c -> reads.booking(c, bookingId));
    }

    /** True while a local change to the booking waits for the server's confirmation. */
    public boolean isProvisional(UUID bookingId) {
        return booking(bookingId).map(LocalBooking::provisional).orElse(false);
    }

    /** Resources this desk knows of, by name. */
    public List<Resource> resources() {
        return store.query(reads::resources);
    }

    public List<AvailabilityRule> rules(UUID resourceId) {
        return store.query(c -> reads.rulesOf(c, resourceId));
    }

    public List<Blackout> blackouts() {
        return store.query(reads::blackouts);
    }

    /** Customers whose name, e-mail or phone contains the text (any case), by name; blank text lists all. */
    public List<Customer> searchCustomers(String text, int limit) {
        String needle = CustomerSearch.likePattern(text);
        return store.query(c -> reads.searchCustomers(c, needle, limit));
    }

    /** The names of those of the customers that exist (not deleted), by id: one query for a whole calendar range. */
    public Map<UUID, String> customerNames(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        return store.query(c -> reads.customerNames(c, customerIds));
    }

    public Optional<Customer> customer(UUID customerId) {
        return store.query(c -> reads.customer(c, customerId));
    }

    /** The customer's bookings, refused ones excluded, by start time. */
    public List<Booking> bookingsOf(UUID customerId) {
        return store.query(c -> reads.bookingsOf(c, customerId));
    }

    public int pendingOutboxCount() {
        return store.pendingOutboxCount();
    }

    public List<ConflictItem> openConflicts() {
        return store.openConflicts();
    }

    public void resolveConflict(UUID mutationId, String note) {
        store.resolveConflict(mutationId, note);
    }

    /** Registers a listener for committed changes (see {@link DeskStore#addListener}). */
    public DeskStore.Subscription onChange(Consumer<StoreChange> listener) {
        return store.addListener(listener);
    }
}
