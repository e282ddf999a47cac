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
import com.venuedesk.model.rules.ConflictRules;
import com.venuedesk.model.rules.PriceQuote;
import com.venuedesk.model.rules.Pricing;
import com.venuedesk.model.rules.PricingPolicy;
import com.venuedesk.model.rules.SlotSuggester;
import com.venuedesk.model.rules.SuggestionRequest;
import com.venuedesk.model.sync.BookingAction;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.server.auth.Principal;
import com.venuedesk.server.customers.CustomerStore;
import com.venuedesk.server.persistence.Database;
import com.venuedesk.server.resources.ResourceDetails;
import com.venuedesk.server.resources.ResourceStore;
import com.venuedesk.server.resources.ScheduleCache;
import com.venuedesk.server.sync.ChangeLog;
import jakarta.persistence.LockModeType;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
public final class BookingService {
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
    private static final List<BookingStatus> ACTIVE = List.of(BookingStatus.PENDING, BookingStatus.CONFIRMED);

    private final Database db;
    private final Clock clock;
    private final PricingPolicy pricing;
    private final ScheduleCache schedules;

    public BookingService(Database db, Clock clock, PricingPolicy pricing, ScheduleCache schedules) {
        this.db = db;
        this.clock = clock;
        this.pricing = pricing;
        this.schedules = schedules;
    }

    /** Books a slot; a create repeated with the same id and content answers the stored booking again. */
    public BookingOutcome create(Principal actor, NewBooking cmd) {
        if (!actor.may(Role.FRONT_DESK)) {
            return new BookingOutcome.Forbidden("your role may not book");
        }
        BookingOutcome invalid = validate(cmd.resourceId(), cmd.customerId(), cmd.start(), cmd.end(), cmd.notes());
        if (invalid != null) {
            return invalid;
        }
        if (cmd.id() == null) {
            // an id the server makes up cannot be a repeat: no need to look for it
            return insert(actor, cmd, UUID.randomUUID());
        }
        try {
            return insert(actor, cmd, cmd.id());
        } catch (RuntimeException e) {
            if (!hasSqlState(e, UNIQUE_VIOLATION)) {
                throw e;
            }
            // the same id was created concurrently on another resource's lock; the retry sees it and answers for it
            return insert(actor, cmd, cmd.id());
        }
    }

    private BookingOutcome insert(Principal actor, NewBooking cmd, UUID id) {
        TimeRange range = new TimeRange(cmd.start(), cmd.end());
        return guardedByConstraint(cmd.resourceId(), range, id, () -> db.inTransaction(session -> {
            Optional<ResourceDetails> locked = ResourceStore.lockForBooking(session, cmd.resourceId());
            BookingEntity existing = cmd.id() == null ? null : session.find(BookingEntity.class, id);
            if (existing != null) {
                Booking stored = existing.toBooking();
                return sameCreate(stored, cmd) ? new BookingOutcome.Saved(stored, false) : new BookingOutcome.IdInUse(stored);
            }
            if (locked.isEmpty()) {
                return new BookingOutcome.Invalid("resourceId", "no resource " + cmd.resourceId());
            }
            if (CustomerStore.find(session, cmd.customerId()).isEmpty()) {
                return new BookingOutcome.Invalid("customerId", "no customer " + cmd.customerId());
            }
            ResourceDetails details = locked.get();
            List<Booking> around = demandWindow(session, details.resource().id(), range);
            BookingOutcome refusal = refuseIfNotFree(session, details.resource(), range, id, around);
            if (refusal != null) {
                return refusal;
            }
            BookingStatus status = details.requiresApproval() ? BookingStatus.PENDING : BookingStatus.CONFIRMED;
            Booking booking = new Booking(id, cmd.resourceId(), cmd.customerId(), range, status,
                    priceOf(details.resource(), range, id, around), cmd.notes(), 1, actor.userId(), now(),
                    null, null);
            session.persist(new BookingEntity(booking));
            ChangeLog.append(session, EntityType.BOOKING, id, booking.revision(), false);
            session.flush();
            LOG.info("booking created bookingId={} resourceId={} status={} by={}", id, cmd.resourceId(), status, actor.username());
            return new BookingOutcome.Saved(booking, true);
        }));
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
        TimeRange range = new TimeRange(cmd.start(), cmd.end());
        Optional<Booking> before = find(cmd.bookingId());
        if (before.isEmpty()) {
            return new BookingOutcome.NotFound(cmd.bookingId());
        }
        UUID target = cmd.resourceId() == null ? before.get().resourceId() : cmd.resourceId();
        return guardedByConstraint(target, range, cmd.bookingId(), () -> db.inTransaction(session -> {
            Optional<ResourceDetails> locked = lockInOrder(session, before.get().resourceId(), target);
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
            BookingOutcome refusal = refuseIfNotFree(session, locked.get().resource(), range, current.id(), around);
            if (refusal != null) {
                return refusal;
            }
            Booking moved = current.withResource(target).withRange(range)
                    .withPrice(priceOf(locked.get().resource(), range, current.id(), around))
                    .withRevision(current.revision() + 1);
            entity.write(moved);
            ChangeLog.append(session, EntityType.BOOKING, moved.id(), moved.revision(), false);
            session.flush();
            LOG.info("booking rescheduled bookingId={} resourceId={} revision={} by={}", moved.id(), target,
                    moved.revision(), actor.username());
            return new BookingOutcome.Saved(moved, false);
        }));
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
        return db.inTransaction(session -> {
            BookingEntity entity = session.find(BookingEntity.class, bookingId, LockModeType.PESSIMISTIC_WRITE);
            if (entity == null) {
                return new BookingOutcome.NotFound(bookingId);
            }
            Booking current = entity.toBooking();
            Booking next;
            if (action == BookingAction.CHECK_IN) {
                if (current.status() != BookingStatus.CONFIRMED) {
                    return new BookingOutcome.RefusedTransition(current,
                            "only a CONFIRMED booking can be checked in; this one is " + current.status());
                }
                if (current.checkedInAt() != null) {
                    return new BookingOutcome.Saved(current, false);
                }
                next = current.withCheckedInAt((at == null ? clock.instant() : at).truncatedTo(ChronoUnit.MICROS));
            } else {
                BookingStatus wanted = targetOf(action);
                BookingStatus.Transition transition = current.status().transitionTo(wanted);
                if (transition instanceof BookingStatus.Transition.Refused refused) {
                    return new BookingOutcome.RefusedTransition(current, refused.reason());
                }
                next = current.withStatus(wanted, reason == null ? current.statusReason() : reason);
            }
            next = next.withRevision(current.revision() + 1);
            entity.write(next);
            ChangeLog.append(session, EntityType.BOOKING, bookingId, next.revision(), false);
            LOG.info("booking {} bookingId={} status={} revision={} by={}", verb(action), bookingId, next.status(),
                    next.revision(), actor.username());
            return new BookingOutcome.Saved(next, false);
        });
    }

    public Optional<Booking> find(UUID id) {
        return db.inTransaction(session -> Optional.ofNullable(session.find(BookingEntity.class, id)).map(BookingEntity::toBooking));
    }

    /** Bookings (any status) that overlap [from, to), optionally of one resource, by start. Nulls leave a side open. */
    public List<Booking> list(UUID resourceId, Instant from, Instant to) {
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
        return db.inTransaction(session -> ResourceStore.find(session, resourceId).map(details -> {
            Resource resource = details.resource();
            List<TimeRange> open = Availability.openWindows(resource,
                    within.start().atZone(resource.timeZone()).toLocalDate(),
                    within.end().minusNanos(1).atZone(resource.timeZone()).toLocalDate(),
                    ResourceStore.rulesOf(session, resourceId), ResourceStore.blackoutsFor(session, resourceId));
            List<TimeRange> busy = activeOverlapping(session, resourceId, within).stream().map(Booking::range).toList();
            return FreeTime.subtract(FreeTime.clip(open, within), busy).stream()
                    .map(r -> Slot.of(resourceId, r)).toList();
        }));
    }

    /** The price of booking the resource for the range now, with its breakdown; empty if no resource. */
    public Optional<PriceQuote> quote(UUID resourceId, TimeRange range) {
        return db.inTransaction(session -> ResourceStore.find(session, resourceId)
                .map(details -> Pricing.quote(details.resource(), range, null,
                        demandWindow(session, resourceId, range), List.of(), pricing)));
    }

    /**
     * Why the locked resource cannot take the range, or null when it can.
     *
     * @param around the resource's active bookings in the range's demand window (they include any that overlap it)
     */
    private BookingOutcome refuseIfNotFree(Session session, Resource resource, TimeRange range, UUID ignore,
                                           List<Booking> around) {
        if (!resource.active()) {
            return new BookingOutcome.Invalid("resourceId", resource.name() + " is not active and cannot be booked");
        }
        ScheduleCache.Schedule schedule = schedules.ofLocked(session, resource.id());
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
        List<Booking> busy = activeOverlapping(session, null, horizon).stream()
                .filter(b -> !b.id().equals(ignore)).toList();
        ScheduleCache.Catalog venue = schedules.catalog(session);
        return SlotSuggester.suggest(new SuggestionRequest(resource, wanted, venue.liveResources(), venue.rules(),
                venue.blackouts(), busy, MAX_ALTERNATIVES, SUGGESTION_HORIZON, SUGGESTION_STEP, clock.instant()));
    }

    private Money priceOf(Resource resource, TimeRange range, UUID ignore, List<Booking> around) {
        return Pricing.quote(resource, range, ignore, around, List.of(), pricing).total();
    }

    /**
     * The resource's active bookings within the demand window around the range: what demand pricing counts, and a
     * superset of those that overlap the range, so that one query serves the conflict check and the price.
     */
    private static List<Booking> demandWindow(Session session, UUID resourceId, TimeRange range) {
        return activeOverlapping(session, resourceId,
                new TimeRange(range.start().minus(DEMAND_WINDOW), range.end().plus(DEMAND_WINDOW)));
    }

    /** Active bookings overlapping the range (half-open), of one resource or (null) of all. */
    private static List<Booking> activeOverlapping(Session session, UUID resourceId, TimeRange range) {
        var query = session.createSelectionQuery(
                        "from BookingEntity b where b.deleted = false and b.status in :active"
                                + (resourceId == null ? "" : " and b.resourceId = :r")
                                + " and b.startAt < :end and b.endAt > :start order by b.startAt", BookingEntity.class)
                .setParameter("active", ACTIVE)
                .setParameter("start", range.start())
                .setParameter("end", range.end());
        if (resourceId != null) {
            query.setParameter("r", resourceId);
        }
        return query.getResultList().stream().map(BookingEntity::toBooking).toList();
    }

    /** Locks both resources of a move in id order, so two moves in opposite directions cannot deadlock. */
    private static Optional<ResourceDetails> lockInOrder(Session session, UUID from, UUID to) {
        if (from.equals(to)) {
            return ResourceStore.lockForBooking(session, to);
        }
        UUID first = from.compareTo(to) < 0 ? from : to;
        UUID second = first.equals(from) ? to : from;
        Optional<ResourceDetails> a = ResourceStore.lockForBooking(session, first);
        Optional<ResourceDetails> b = ResourceStore.lockForBooking(session, second);
        return first.equals(to) ? a : b;
    }

    /**
     * Runs a write; if PostgreSQL's exclusion constraint refused it (someone wrote behind the service's back, or a
     * path missed the lock), answers the overlap as the service would have.
     */
    private BookingOutcome guardedByConstraint(UUID resourceId, TimeRange range, UUID ignore,
                                               java.util.function.Supplier<BookingOutcome> write) {
        try {
            return withAlternatives(write.get(), resourceId, range, ignore);
        } catch (RuntimeException e) {
            if (!isExclusionViolation(e)) {
                throw e;
            }
            LOG.warn("exclusion constraint refused an overlapping booking bookingId={} resourceId={}", ignore, resourceId);
            return db.inTransaction(session -> {
                Optional<ResourceDetails> resource = ResourceStore.find(session, resourceId);
                BookingOutcome.Overlap overlap = resource.map(r -> overlapIn(r.resource(), range, ignore,
                        activeOverlapping(session, resourceId, range))).orElse(null);
                return withAlternatives(overlap != null ? overlap : new BookingOutcome.Overlap(List.of(), List.of()),
                        resourceId, range, ignore);
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

    private static BookingStatus targetOf(BookingAction action) {
        return switch (action) {
            case APPROVE -> BookingStatus.CONFIRMED;
            case CANCEL -> BookingStatus.CANCELLED;
            case COMPLETE -> BookingStatus.COMPLETED;
            case NO_SHOW -> BookingStatus.NO_SHOW;
            case CHECK_IN -> BookingStatus.CONFIRMED;
        };
    }

    /** Now, at the precision both databases store, so that an answer and a later read agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String verb(BookingAction action) {
        return action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
