package com.venuedesk.server.booking;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.domain.Slot;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.rules.Availability;
import com.venuedesk.model.rules.Bookability;
import com.venuedesk.model.rules.BookingLimits;
import com.venuedesk.model.rules.ConflictRules;
import com.venuedesk.model.rules.PriceQuote;
import com.venuedesk.model.rules.Pricing;
import com.venuedesk.model.rules.PricingPolicy;
import com.venuedesk.model.rules.SlotSuggester;
import com.venuedesk.model.rules.SuggestionRequest;
import com.venuedesk.model.sync.StatusSteps;
import com.venuedesk.model.sync.BookingAction;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.server.auth.Principal;
import com.venuedesk.server.customers.CustomerStore;
import com.venuedesk.server.persistence.Database;
import com.venuedesk.server.persistence.DatabaseVendor;
import com.venuedesk.server.resources.MoneyJson;
import com.venuedesk.server.resources.ResourceDetails;
import com.venuedesk.server.resources.ResourceStore;
import com.venuedesk.server.resources.ResourceStore.LockedResource;
import com.venuedesk.server.resources.ScheduleCache;
import com.venuedesk.server.history.HistoryEntry;
import com.venuedesk.server.history.VenueHistory;
import com.venuedesk.model.sync.HistoryAction;
import jakarta.persistence.LockModeType;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taking, moving and progressing bookings. Every write on a resource's time runs the same path on H2 and
 * PostgreSQL: in one transaction, lock the resource row, check opening hours and blackouts, look for overlapping
 * active bookings, then write, bump the revision and append to the change log. On PostgreSQL an exclusion constraint
 * backs this up; should it ever fire, the caller still gets the overlap answer with alternatives.
 */
public final class BookingService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BookingService.class);
    /** PostgreSQL's exclusion_violation. */
    private static final String EXCLUSION_VIOLATION = "23P01";
    /** unique_violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** Demand pricing counts bookings within two hours either side. */
    private static final Duration DEMAND_WINDOW = Duration.ofHours(2);
    private static final Duration SUGGESTION_HORIZON = Duration.ofDays(2);
    private static final Duration SUGGESTION_STEP = Duration.ofMinutes(30);
    private static final int MAX_ALTERNATIVES = 5;
    static final String MOVED_FOR_APPROVAL = "moved onto a resource whose bookings need a manager's approval";
    /** Creates written in one transaction at most; a rush beyond waits for the next one. */
    private static final int MAX_BATCH = 64;
    /**
     * Batches written at the same time. One: every create waiting is then written in the same transaction, and the
     * batches grow with the load by themselves. Measured with 8 concurrent clients (README, throughput benchmark with
     * -Dbench.cpu), four writers got batches of about one create, seven statements each (PostgreSQL about 1.1 ms of
     * CPU per create); one writer got several creates per batch and half the CPU per create, in the database and in
     * this server alike. A batch holds one pooled connection while it runs.
     */
    private static final int WRITERS = 1;
    /**
     * How long the writer waits for a row lock (a resource a sync push or a reschedule holds) before it hands its batch
     * back to the callers, and how long a create waits in the queue before its caller writes it alone: together the
     * most one slow or failing create delays the others by (see {@link CreateQueue}).
     */
    static final Duration WRITER_LOCK_WAIT = Duration.ofSeconds(1);
    static final Duration HAND_BACK_AFTER = Duration.ofSeconds(1);

    private final Database db;
    private final Clock clock;
    private final PricingPolicy pricing;
    private final ScheduleCache schedules;
    private final CreateQueue<CreateRequest, BookingOutcome> creates;
    private final VenueHistory history;
    private final BookingLimits limits;

    public BookingService(Database db, VenueHistory history, Clock clock, PricingPolicy pricing, ScheduleCache schedules,
                          BookingLimits limits) {
        this.history = history;
        this.limits = limits;
        this.db = db;
        this.clock = clock;
        this.pricing = pricing;
        this.schedules = schedules;
        this.creates = new CreateQueue<>(this::writeBatch, this::writeAlone, request -> request.cmd().resourceId(),
                MAX_BATCH, WRITERS, HAND_BACK_AFTER);
    }

    /**
     * Books a slot; a create repeated with the same id and content answers the stored booking again. Creates from
     * different callers at the same moment are written together by one writer ({@link CreateQueue}); inside a
     * {@link Database#inOneTransaction} (a sync push) the create joins the caller's transaction instead.
     */
    public BookingOutcome create(Principal actor, NewBooking cmd) {
        if (!actor.may(Role.FRONT_DESK)) {
            return new BookingOutcome.Forbidden("your role may not book");
        }
        BookingOutcome invalid = validate(cmd.resourceId(), cmd.customerId(), cmd.start(), cmd.end(), cmd.notes());
        if (invalid == null) {
            invalid = outsideLimits(cmd.start(), cmd.end());
        }
        if (invalid != null) {
            return invalid;
        }
        CreateRequest request = new CreateRequest(actor, cmd, cmd.id() == null ? UUID.randomUUID() : cmd.id(),
                new TimeRange(cmd.start(), cmd.end()));
        BookingOutcome outcome = db.joinsOuterTransaction() ? writeAlone(request) : creates.submit(request);
        return withAlternatives(outcome, cmd.resourceId(), request.range(), request.id());
    }

    /** Stops the create writer; creates already queued are written first. */
    @Override
    public void close() {
        creates.close();
    }

    /** One create as the writer sees it: who asks, what, and the booking's id (the client's or a new one). */
    private record CreateRequest(Principal actor, NewBooking cmd, UUID id, TimeRange range) {
        boolean idFromClient() {
            return cmd.id() != null;
        }
    }

    /**
     * Writes a batch of creates in one transaction, waiting at most {@link #WRITER_LOCK_WAIT} for any lock. Should the
     * database refuse it as a whole (its exclusion constraint or a unique key, when someone wrote behind the service's
     * back or created the same id at the same time; a lock held too long), it throws, and {@link CreateQueue} hands
     * each create back to its caller to write alone, so that only the one at fault gets the refusal or the wait.
     */
    private List<BookingOutcome> writeBatch(List<CreateRequest> batch) {
        return db.inTransaction(session -> {
            DatabaseVendor vendor = DatabaseVendor.of(session);
            session.doWork(connection -> vendor.boundLockWait(connection, WRITER_LOCK_WAIT));
            try {
                return insertAll(session, batch);
            } finally {
                session.doWork(vendor::restoreLockWait);
            }
        });
    }

    private BookingOutcome writeAlone(CreateRequest request) {
        java.util.function.Supplier<BookingOutcome> write = () -> guardedByConstraint(request.cmd().resourceId(),
                request.range(), request.id(), () -> db.inTransaction(session -> insertAll(session, List.of(request)).get(0)));
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (!request.idFromClient() || !hasSqlState(e, UNIQUE_VIOLATION)) {
                throw e;
            }
            // the same id was created concurrently on another resource's lock; the retry sees it and answers for it
            return write.get();
        }
    }

    /**
     * The create path, for one request or many, in the caller's transaction: lock the resources (in the database's
     * id order, so two batches cannot deadlock), then check each request in order against opening hours, blackouts
     * and the active bookings (those stored and those accepted earlier in the batch), then write the accepted ones
     * and their change-log entries. Each request gets what it would get alone after the ones before it.
     */
    private List<BookingOutcome> insertAll(Session session, List<CreateRequest> batch) {
        // a sync push's earlier mutations may still sit in the session; the plain-SQL reads below must see them
        session.flush();
        Map<UUID, LockedResource> locked = ResourceStore.lockAllForBooking(session,
                batch.stream().map(r -> r.cmd().resourceId()).collect(Collectors.toSet()));
        Set<UUID> customers = CustomerStore.liveIds(session,
                batch.stream().map(r -> r.cmd().customerId()).collect(Collectors.toSet()));
        Map<UUID, Booking> byId = new HashMap<>();
        List<UUID> clientIds = batch.stream().filter(CreateRequest::idFromClient).map(CreateRequest::id).toList();
        if (!clientIds.isEmpty()) {
            session.doReturningWork(connection -> BookingRows.findAll(connection, clientIds))
                    .forEach(b -> byId.put(b.id(), b));
        }
        Map<UUID, List<Booking>> active = activeAround(session, batch.stream()
                .filter(r -> locked.containsKey(r.cmd().resourceId())).toList());

        List<BookingOutcome> outcomes = new ArrayList<>(batch.size());
        List<Booking> accepted = new ArrayList<>();
        List<HistoryEntry> created = new ArrayList<>();
        for (CreateRequest request : batch) {
            NewBooking cmd = request.cmd();
            Booking stored = byId.get(request.id());
            if (stored != null) {
                outcomes.add(sameCreate(stored, cmd) ? new BookingOutcome.Saved(stored, false)
                        : new BookingOutcome.IdInUse(stored));
                continue;
            }
            LockedResource resource = locked.get(cmd.resourceId());
            if (resource == null) {
                outcomes.add(new BookingOutcome.Invalid("resourceId", "no resource " + cmd.resourceId()));
                continue;
            }
            if (!customers.contains(cmd.customerId())) {
                outcomes.add(new BookingOutcome.Invalid("customerId", "no customer " + cmd.customerId()));
                continue;
            }
            List<Booking> ofResource = active.computeIfAbsent(cmd.resourceId(), r -> new ArrayList<>());
            List<Booking> around = within(ofResource, demandWindowOf(request.range()));
            BookingOutcome refusal = refuseIfNotFree(session, resource, request.range(), request.id(), around);
            if (refusal != null) {
                outcomes.add(refusal);
                continue;
            }
            Money price = priceOf(resource.resource(), request.range(), request.id(), around);
            if (!MoneyJson.storable(price.amount())) {
                outcomes.add(tooDear(price));
                continue;
            }
            BookingStatus status = resource.details().requiresApproval() ? BookingStatus.PENDING : BookingStatus.CONFIRMED;
            Booking booking = new Booking(request.id(), cmd.resourceId(), cmd.customerId(), request.range(), status,
                    price, cmd.notes(), 1,
                    request.actor().userId(), now(), null, null);
            ofResource.add(booking);
            byId.put(booking.id(), booking);
            accepted.add(booking);
            created.add(HistoryEntry.of(EntityType.BOOKING, booking.id(), booking.revision(), HistoryAction.CREATED,
                    request.actor().historyActor()));
            outcomes.add(new BookingOutcome.Saved(booking, true));
        }
        if (!accepted.isEmpty()) {
            session.doWork(connection -> BookingRows.insertAll(connection, accepted));
            history.recordAll(session, created);
            for (int i = 0; i < batch.size(); i++) {
                if (outcomes.get(i) instanceof BookingOutcome.Saved saved && saved.created()) {
                    LOG.info("booking created bookingId={} resourceId={} status={} by={}", saved.booking().id(),
                            saved.booking().resourceId(), saved.booking().status(), batch.get(i).actor().username());
                }
            }
        }
        return outcomes;
    }

    /** The active bookings within the demand windows of the requests, by resource: one query for a whole batch. */
    private static Map<UUID, List<Booking>> activeAround(Session session, List<CreateRequest> requests) {
        if (requests.isEmpty()) {
            return new HashMap<>();
        }
        Instant from = requests.stream().map(r -> demandWindowOf(r.range()).start()).min(Instant::compareTo).orElseThrow();
        Instant to = requests.stream().map(r -> demandWindowOf(r.range()).end()).max(Instant::compareTo).orElseThrow();
        return ActiveBookings.inWindow(session, requests.stream().map(r -> r.cmd().resourceId()).collect(Collectors.toSet()),
                new TimeRange(from, to));
    }

    private static TimeRange demandWindowOf(TimeRange range) {
        return new TimeRange(range.start().minus(DEMAND_WINDOW), range.end().plus(DEMAND_WINDOW));
    }

    private static List<Booking> within(List<Booking> bookings, TimeRange window) {
        return bookings.stream().filter(b -> b.range().overlaps(window)).toList();
    }

    /** Moves a booking, if nobody changed it since {@code expectedRevision}. */
    public BookingOutcome reschedule(Principal actor, Reschedule cmd) {
        if (!actor.may(Role.FRONT_DESK)) {
            return new BookingOutcome.Forbidden("your role may not reschedule bookings");
        }
        if (cmd.expectedRevision() == null) {
            return new BookingOutcome.Invalid("revision", "revision is required (the revision you last read)");
        }
        if (cmd.start() == null) {
            return new BookingOutcome.Invalid("start", "start is required");
        }
        if (cmd.end() == null) {
            return new BookingOutcome.Invalid("end", "end is required");
        }
        if (!cmd.end().isAfter(cmd.start())) {
            return new BookingOutcome.Invalid("end", "end must be after start");
        }
        BookingOutcome tooFar = outsideLimits(cmd.start(), cmd.end());
        if (tooFar != null) {
            return tooFar;
        }
        TimeRange range = new TimeRange(cmd.start(), cmd.end());
        Optional<Booking> before = find(cmd.bookingId());
        if (before.isEmpty()) {
            return new BookingOutcome.NotFound(cmd.bookingId());
        }
        UUID target = cmd.resourceId() == null ? before.get().resourceId() : cmd.resourceId();
        BookingOutcome outcome = guardedByConstraint(target, range, cmd.bookingId(), () -> db.inTransaction(session -> {
            session.flush();
            Optional<LockedResource> locked = lockInOrder(session, before.get().resourceId(), target);
            BookingEntity entity = session.find(BookingEntity.class, cmd.bookingId(), LockModeType.PESSIMISTIC_WRITE);
            Booking current = entity.toBooking();
            if (current.revision() != cmd.expectedRevision()) {
                return new BookingOutcome.StaleRevision(current);
            }
            if (!current.isActive()) {
                return new BookingOutcome.RefusedTransition(current,
                        "a " + current.status() + " booking cannot be rescheduled; only PENDING or CONFIRMED ones can");
            }
            if (locked.isEmpty()) {
                return new BookingOutcome.Invalid("resourceId", "no resource " + target);
            }
            List<Booking> around = demandWindow(session, target, range);
            BookingOutcome refusal = refuseIfNotFree(session, locked.get(), range, current.id(), around);
            if (refusal != null) {
                return refusal;
            }
            Money price = priceOf(locked.get().resource(), range, current.id(), around);
            if (!MoneyJson.storable(price.amount())) {
                return tooDear(price);
            }
            Booking moved = current.withResource(target).withRange(range).withPrice(price)
                    .withRevision(current.revision() + 1);
            if (needsApprovalAfterMove(current, locked.get())) {
                moved = moved.withStatus(BookingStatus.PENDING, MOVED_FOR_APPROVAL);
            }
            entity.write(moved);
            history.record(session, moveEntry(current, moved, actor));
            session.flush();
            LOG.info("booking rescheduled bookingId={} resourceId={} revision={} by={}", moved.id(), target,
                    moved.revision(), actor.username());
            return new BookingOutcome.Saved(moved, false);
        }));
        return withAlternatives(outcome, target, range, cmd.bookingId());
    }

    /**
     * A lifecycle step. Approving needs a manager; the others any staff. {@code at} is when it happened at the desk
     * (the check-in time of a synced check-in); null means now.
     */
    public BookingOutcome changeStatus(Principal actor, UUID bookingId, BookingAction action, String reason, Instant at) {
        Role needed = action == BookingAction.APPROVE ? Role.MANAGER : Role.FRONT_DESK;
        if (!actor.may(needed)) {
            return new BookingOutcome.Forbidden("only a " + needed + " may " + verb(action) + " bookings; you are " + actor.role());
        }
        if (reason != null && reason.length() > 1000) {
            return new BookingOutcome.Invalid("reason", "reason must be at most 1000 characters");
        }
        try {
            limits.checkInstant("at", at);
        } catch (DomainException e) {
            return new BookingOutcome.Invalid(e.field(), e.getMessage());
        }
        return db.inTransaction(session -> {
            BookingEntity entity = session.find(BookingEntity.class, bookingId, LockModeType.PESSIMISTIC_WRITE);
            if (entity == null) {
                return new BookingOutcome.NotFound(bookingId);
            }
            Booking current = entity.toBooking();
            Instant happened = (at == null ? clock.instant() : at).truncatedTo(ChronoUnit.MICROS);
            StatusSteps.Step step = StatusSteps.take(current, action, reason, happened);
            if (step instanceof StatusSteps.Step.Refused refused) {
                return new BookingOutcome.RefusedTransition(current, refused.reason());
            }
            if (step instanceof StatusSteps.Step.AlreadyDone) {
                return new BookingOutcome.Saved(current, false);
            }
            Booking next = ((StatusSteps.Step.Changed) step).next();
            next = next.withRevision(current.revision() + 1);
            entity.write(next);
            history.record(session, HistoryEntry.of(EntityType.BOOKING, bookingId, next.revision(),
                    HistoryAction.of(action), actor.historyActor()).withReason(reason)
                    .withDetails(at == null ? Map.of() : Map.of("happenedAt", at.toString())));
            LOG.info("booking {} bookingId={} status={} revision={} by={}", verb(action), bookingId, next.status(),
                    next.revision(), actor.username());
            return new BookingOutcome.Saved(next, false);
        });
    }

    /**
     * Another guest or other notes, if nobody changed the booking since {@code expectedRevision}; the time stays. The
     * history says CUSTOMER_CHANGED (from and to) when the guest changes, UPDATED when only the notes do.
     */
    public BookingOutcome updateDetails(Principal actor, UUID bookingId, Long expectedRevision, UUID customerId, String notes) {
        if (!actor.may(Role.FRONT_DESK)) {
            return new BookingOutcome.Forbidden("your role may not change bookings");
        }
        if (expectedRevision == null) {
            return new BookingOutcome.Invalid("revision", "revision is required (the revision you last read)");
        }
        if (customerId == null) {
            return new BookingOutcome.Invalid("customerId", "customerId is required");
        }
        if (notes != null && notes.length() > 4000) {
            return new BookingOutcome.Invalid("notes", "notes must be at most 4000 characters");
        }
        return db.inTransaction(session -> {
            BookingEntity entity = session.find(BookingEntity.class, bookingId, LockModeType.PESSIMISTIC_WRITE);
            if (entity == null) {
                return new BookingOutcome.NotFound(bookingId);
            }
            Booking current = entity.toBooking();
            if (current.revision() != expectedRevision) {
                return new BookingOutcome.StaleRevision(current);
            }
            if (!current.isActive()) {
                return new BookingOutcome.RefusedTransition(current,
                        "a " + current.status() + " booking cannot be changed; only PENDING or CONFIRMED ones can");
            }
            if (CustomerStore.liveIds(session, Set.of(customerId)).isEmpty()) {
                return new BookingOutcome.Invalid("customerId", "no customer " + customerId);
            }
            String newNotes = notes == null ? "" : notes;
            if (current.customerId().equals(customerId) && current.notes().equals(newNotes)) {
                return new BookingOutcome.Saved(current, false);
            }
            Booking changed = new Booking(current.id(), current.resourceId(), customerId, current.range(),
                    current.status(), current.price(), newNotes, current.revision() + 1, current.createdBy(),
                    current.createdAt(), current.checkedInAt(), current.statusReason());
            entity.write(changed);
            Map<String, String> details = new java.util.LinkedHashMap<>();
            boolean otherGuest = !current.customerId().equals(customerId);
            if (otherGuest) {
                details.put("fromCustomerId", current.customerId().toString());
                details.put("toCustomerId", customerId.toString());
            }
            if (!current.notes().equals(newNotes)) {
                details.put("notesChanged", "true");
            }
            history.record(session, HistoryEntry.of(EntityType.BOOKING, bookingId, changed.revision(),
                    otherGuest ? HistoryAction.CUSTOMER_CHANGED : HistoryAction.UPDATED, actor.historyActor())
                    .withDetails(details));
            LOG.info("booking details changed bookingId={} revision={} guestChanged={} by={}", bookingId,
                    changed.revision(), otherGuest, actor.username());
            return new BookingOutcome.Saved(changed, false);
        });
    }

    /** A move as the history tells it: to another resource, or in time only, with where from and where to. */
    private static HistoryEntry moveEntry(Booking before, Booking after, Principal actor) {
        boolean otherResource = !before.resourceId().equals(after.resourceId());
        Map<String, String> details = new java.util.LinkedHashMap<>();
        details.put("fromStart", before.range().start().toString());
        details.put("fromEnd", before.range().end().toString());
        details.put("toStart", after.range().start().toString());
        details.put("toEnd", after.range().end().toString());
        if (otherResource) {
            details.put("fromResourceId", before.resourceId().toString());
            details.put("toResourceId", after.resourceId().toString());
        }
        return HistoryEntry.of(EntityType.BOOKING, after.id(), after.revision(),
                otherResource ? HistoryAction.RESOURCE_CHANGED : HistoryAction.RESCHEDULED, actor.historyActor())
                .withDetails(details);
    }

    public Optional<Booking> find(UUID id) {
        return db.inTransaction(session -> Optional.ofNullable(session.find(BookingEntity.class, id)).map(BookingEntity::toBooking));
    }

    /** Bookings (any status) that overlap [from, to), optionally of one resource, by start. Nulls leave a side open. */
    public List<Booking> list(UUID resourceId, Instant from, Instant to) {
        limits.checkInstant("from", from);
        limits.checkInstant("to", to);
        // built per call rather than "(:p is null or ...)": PostgreSQL cannot type a parameter that is only null-tested
        StringBuilder hql = new StringBuilder("from BookingEntity b where b.deleted = false");
        if (resourceId != null) {
            hql.append(" and b.resourceId = :r");
        }
        if (to != null) {
            hql.append(" and b.startAt < :to");
        }
        if (from != null) {
            hql.append(" and b.endAt > :from");
        }
        hql.append(" order by b.startAt, b.id");
        return db.inTransaction(session -> {
            var query = session.createSelectionQuery(hql.toString(), BookingEntity.class);
            if (resourceId != null) {
                query.setParameter("r", resourceId);
            }
            if (to != null) {
                query.setParameter("to", to);
            }
            if (from != null) {
                query.setParameter("from", from);
            }
            return query.getResultList().stream().map(BookingEntity::toBooking).toList();
        });
    }

    /** Free times of the resource within [from, to): its open windows minus active bookings; empty if no resource. */
    public Optional<List<Slot>> freeSlots(UUID resourceId, TimeRange within) {
        limits.checkQuery("from", within.start(), "to", within.end());
        return db.inTransaction(session -> ResourceStore.find(session, resourceId).map(details -> {
            Resource resource = details.resource();
            List<TimeRange> open = Availability.openWindows(resource,
                    within.start().atZone(resource.timeZone()).toLocalDate(),
                    within.end().minusNanos(1).atZone(resource.timeZone()).toLocalDate(),
                    ResourceStore.rulesOf(session, resourceId), ResourceStore.blackoutsFor(session, resourceId));
            List<TimeRange> busy = ActiveBookings.of(session, List.of(resourceId), within).stream().map(Booking::range).toList();
            return FreeTime.subtract(FreeTime.clip(open, within), busy).stream()
                    .map(r -> Slot.of(resourceId, r)).toList();
        }));
    }

    /** The price of booking the resource for the range now, with its breakdown; empty if no resource. */
    public Optional<PriceQuote> quote(UUID resourceId, TimeRange range) {
        limits.checkBooking("start", range.start(), "end", range.end());
        return db.inTransaction(session -> ResourceStore.find(session, resourceId)
                .map(details -> Pricing.quote(details.resource(), range, null,
                        demandWindow(session, resourceId, range), List.of(), pricing)));
    }

    /**
     * Why the locked resource cannot take the range, or null when it can.
     *
     * @param around the resource's active bookings in the range's demand window (they include any that overlap it)
     */
    private BookingOutcome refuseIfNotFree(Session session, LockedResource locked, TimeRange range, UUID ignore,
                                           List<Booking> around) {
        Resource resource = locked.resource();
        if (!resource.active()) {
            return new BookingOutcome.Invalid("resourceId", resource.name() + " is not active and cannot be booked");
        }
        ScheduleCache.Schedule schedule = schedules.ofLocked(session, locked);
        Bookability bookable = Availability.check(resource, range, schedule.rules(), schedule.blackouts());
        if (bookable instanceof Bookability.NotBookable closed) {
            return new BookingOutcome.Invalid(closed.field(), closed.reason());
        }
        return overlapIn(resource, range, ignore, around);
    }

    /** The overlap answer when active bookings among {@code candidates} hold part of the range, else null. */
    private static BookingOutcome.Overlap overlapIn(Resource resource, TimeRange range, UUID ignore,
                                                    List<Booking> candidates) {
        List<Booking> clashing = ConflictRules.conflictsWith(resource.id(), range, ignore, candidates);
        if (clashing.isEmpty()) {
            return null;
        }
        // Alternatives are worked out after the resource lock is released (see guardedByConstraint): under a rush on one
        // slot, every refused desk would otherwise wait for every other one's suggestion search.
        return new BookingOutcome.Overlap(clashing.stream().map(Booking::id).toList(), List.of());
    }

    private List<Slot> alternatives(Session session, Resource resource, TimeRange wanted, UUID ignore) {
        TimeRange horizon = new TimeRange(wanted.start().minus(SUGGESTION_HORIZON), wanted.end().plus(SUGGESTION_HORIZON));
        ScheduleCache.Catalog venue = schedules.catalog(session);
        List<Booking> busy = ActiveBookings.ofVenue(session, horizon).stream().filter(b -> !b.id().equals(ignore)).toList();
        return SlotSuggester.suggest(new SuggestionRequest(resource, wanted, venue.liveResources(), venue.rules(),
                venue.blackouts(), busy, MAX_ALTERNATIVES, SUGGESTION_HORIZON, SUGGESTION_STEP, clock.instant()));
    }

    /**
     * Moving onto another resource follows the rule of booking there: where bookings need a manager's approval, a
     * confirmed booking is PENDING again until one approves it, whoever moved it (a move never confirms).
     */
    private static boolean needsApprovalAfterMove(Booking current, LockedResource target) {
        return !current.resourceId().equals(target.resource().id()) && target.details().requiresApproval()
                && current.status() == BookingStatus.CONFIRMED;
    }

    /** A price beyond what a booking records (the price column): a very long booking of a very dear resource. */
    private static BookingOutcome tooDear(Money price) {
        return new BookingOutcome.Invalid("end", "this booking would cost " + price + ", more than one booking can record");
    }

    private Money priceOf(Resource resource, TimeRange range, UUID ignore, List<Booking> around) {
        return Pricing.quote(resource, range, ignore, around, List.of(), pricing).total();
    }

    /**
     * The resource's active bookings within the demand window around the range: what demand pricing counts, and a
     * superset of those that overlap the range, so that one query serves the conflict check and the price.
     */
    private static List<Booking> demandWindow(Session session, UUID resourceId, TimeRange range) {
        return ActiveBookings.of(session, List.of(resourceId), demandWindowOf(range));
    }

    /**
     * Locks both resources of a move in the database's id order, as batches of creates do, so that no two writers
     * wait for each other; answers the target.
     */
    private static Optional<LockedResource> lockInOrder(Session session, UUID from, UUID to) {
        return Optional.ofNullable(ResourceStore.lockAllForBooking(session, from.equals(to) ? Set.of(to) : Set.of(from, to)).get(to));
    }

    /**
     * Runs a write; if PostgreSQL's exclusion constraint refused it (someone wrote behind the service's back, or a
     * path missed the lock), answers the overlap as the service would have (its alternatives are the caller's to add).
     */
    private BookingOutcome guardedByConstraint(UUID resourceId, TimeRange range, UUID ignore,
                                               java.util.function.Supplier<BookingOutcome> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (!isExclusionViolation(e)) {
                throw e;
            }
            LOG.warn("exclusion constraint refused an overlapping booking bookingId={} resourceId={}", ignore, resourceId);
            return db.inTransaction(session -> {
                Optional<ResourceDetails> resource = ResourceStore.find(session, resourceId);
                BookingOutcome.Overlap overlap = resource.map(r -> overlapIn(r.resource(), range, ignore,
                        ActiveBookings.of(session, List.of(resourceId), range))).orElse(null);
                return overlap != null ? overlap : new BookingOutcome.Overlap(List.of(), List.of());
            });
        }
    }

    /** Fills in the ranked alternatives of an overlap, in a read of its own that holds no lock. */
    private BookingOutcome withAlternatives(BookingOutcome outcome, UUID resourceId, TimeRange range, UUID ignore) {
        if (!(outcome instanceof BookingOutcome.Overlap overlap) || !overlap.alternatives().isEmpty()) {
            return outcome;
        }
        return db.inTransaction(session -> ResourceStore.find(session, resourceId)
                .<BookingOutcome>map(details -> new BookingOutcome.Overlap(overlap.conflicts(),
                        alternatives(session, details.resource(), range, ignore)))
                .orElse(overlap));
    }

    static boolean isExclusionViolation(Throwable e) {
        return hasSqlState(e, EXCLUSION_VIOLATION);
    }

    private static boolean hasSqlState(Throwable e, String sqlState) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The refusal of a booking's time by the venue's {@link BookingLimits}, or null when it is within them. */
    private BookingOutcome outsideLimits(Instant start, Instant end) {
        try {
            limits.checkBooking("start", start, "end", end);
            return null;
        } catch (DomainException e) {
            return new BookingOutcome.Invalid(e.field(), e.getMessage());
        }
    }

    private static BookingOutcome validate(UUID resourceId, UUID customerId, Instant start, Instant end, String notes) {
        if (resourceId == null) {
            return new BookingOutcome.Invalid("resourceId", "resourceId is required");
        }
        if (customerId == null) {
            return new BookingOutcome.Invalid("customerId", "customerId is required");
        }
        if (start == null) {
            return new BookingOutcome.Invalid("start", "start is required");
        }
        if (end == null) {
            return new BookingOutcome.Invalid("end", "end is required");
        }
        if (!end.isAfter(start)) {
            return new BookingOutcome.Invalid("end", "end must be after start");
        }
        if (notes != null && notes.length() > 4000) {
            return new BookingOutcome.Invalid("notes", "notes must be at most 4000 characters");
        }
        return null;
    }

    private static boolean sameCreate(Booking stored, NewBooking cmd) {
        return stored.resourceId().equals(cmd.resourceId()) && stored.customerId().equals(cmd.customerId())
                && stored.range().start().equals(cmd.start()) && stored.range().end().equals(cmd.end())
                && stored.notes().equals(cmd.notes() == null ? "" : cmd.notes());
    }

    /** Now, at the precision both databases store, so that an answer and a later read agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String verb(BookingAction action) {
        return action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
