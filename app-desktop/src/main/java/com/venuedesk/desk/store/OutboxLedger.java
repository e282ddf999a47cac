package com.venuedesk.desk.store;

import com.venuedesk.desk.store.StoreChange.Topic;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Slot;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.MutationOutcome;
import com.venuedesk.model.sync.MutationOutcome.Applied;
import com.venuedesk.model.sync.MutationOutcome.Duplicate;
import com.venuedesk.model.sync.MutationOutcome.Overlap;
import com.venuedesk.model.sync.MutationOutcome.Rejected;
import com.venuedesk.model.sync.MutationOutcome.StaleRevision;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox and the conflict inbox, inside the caller's transaction.
 *
 * <p>Outbox states: {@code PENDING} (to push), {@code APPLIED} (the server applied it now or before; the new
 * revision is kept), {@code CONFLICTED} (refused; a conflict item holds it for staff).
 */
final class OutboxLedger {
    private static final Logger log = LoggerFactory.getLogger(OutboxLedger.class);
    static final String PENDING = "PENDING";
    static final String APPLIED = "APPLIED";
    static final String CONFLICTED = "CONFLICTED";

    private final Rows rows;
    private final WireJson json;
    private final Clock clock;

    OutboxLedger(Rows rows, WireJson json, Clock clock) {
        this.rows = rows;
        this.json = json;
        this.clock = clock;
    }

    void record(Session s, Mutation mutation) {
        OutboxRow row = new OutboxRow();
        row.mutationId = mutation.mutationId();
        row.entityId = mutation.entityId();
        row.mutation = json.mutation(mutation);
        row.createdAt = clock.instant();
        row.state = PENDING;
        s.persist(row);
    }

    /**
     * Up to {@code limit} pending mutations in order. A mutation that names the revision it expects is sent with
     * the newest revision the server gave this desk's own earlier mutations of the same record (a booking made
     * offline and then moved expects the revision its creation got). So that this revision is known, such a
     * mutation never travels in the same batch as an earlier pending mutation of its record: the batch stops
     * before it.
     */
    List<OutboxEntry> pending(Session s, int limit) {
        List<OutboxRow> pending = s.createSelectionQuery("from OutboxRow o where o.state = :state order by o.seq", OutboxRow.class)
                .setParameter("state", PENDING).setMaxResults(limit).getResultList();
        List<OutboxEntry> batch = new ArrayList<>();
        Set<UUID> inBatch = new HashSet<>();
        for (OutboxRow row : pending) {
            Mutation mutation = json.mutation(row.mutation);
            boolean expectsRevision = expectsRevision(mutation);
            if (expectsRevision && inBatch.contains(row.entityId)) {
                break;
            }
            inBatch.add(row.entityId);
            Mutation toSend = expectsRevision ? withOwnAppliedRevision(s, row, mutation) : mutation;
            batch.add(new OutboxEntry(row.seq, toSend, row.createdAt));
        }
        return batch;
    }

    private static boolean expectsRevision(Mutation m) {
        return m instanceof Mutation.RescheduleBooking || m instanceof Mutation.UpsertCustomer
                || m instanceof Mutation.UpdateBookingDetails;
    }

    private Mutation withOwnAppliedRevision(Session s, OutboxRow row, Mutation m) {
        Long applied = s.createSelectionQuery("select max(o.revision) from OutboxRow o "
                        + "where o.entityId = :entity and o.state = :state and o.seq < :seq", Long.class)
                .setParameter("entity", row.entityId).setParameter("state", APPLIED).setParameter("seq", row.seq)
                .getSingleResult();
        if (applied == null) {
            return m;
        }
        if (m instanceof Mutation.RescheduleBooking r && applied > r.expectedRevision()) {
            return new Mutation.RescheduleBooking(r.mutationId(), r.bookingId(), applied, r.resourceId(), r.start(), r.end(),
                    r.actedBy());
        }
        if (m instanceof Mutation.UpdateBookingDetails d && applied > d.expectedRevision()) {
            return new Mutation.UpdateBookingDetails(d.mutationId(), d.bookingId(), applied, d.customerId(), d.notes(),
                    d.actedBy());
        }
        if (m instanceof Mutation.UpsertCustomer u && applied > u.expectedRevision()) {
            return new Mutation.UpsertCustomer(u.mutationId(), u.customer(), applied, u.actedBy());
        }
        return m;
    }

    Set<Topic> settle(Session s, List<OutboxEntry> pushed, List<MutationOutcome> outcomes) {
        Map<UUID, MutationOutcome> byMutation = outcomes.stream()
                .collect(Collectors.toMap(MutationOutcome::mutationId, Function.identity(), (a, b) -> a));
        Set<Topic> topics = EnumSet.of(Topic.OUTBOX);
        for (OutboxEntry entry : pushed) {
            Mutation mutation = entry.mutation();
            MutationOutcome outcome = byMutation.get(mutation.mutationId());
            OutboxRow row = s.find(OutboxRow.class, entry.seq());
            if (outcome == null || row == null || !PENDING.equals(row.state)) {
                if (outcome == null) {
                    log.warn("No outcome for mutation {}; it stays in the outbox", mutation.mutationId());
                }
                continue;
            }
            MutationOutcome decisive = original(outcome);
            row.settledAt = clock.instant();
            if (decisive instanceof Applied applied) {
                row.state = APPLIED;
                row.revision = applied.revision();
                s.flush();
                confirmLocalCopy(s, mutation);
                log.info("Mutation {} applied, {} at revision {}", mutation.mutationId(), mutation.entityId(), applied.revision());
            } else {
                row.state = CONFLICTED;
                s.flush();
                recordConflict(s, mutation, decisive);
                undoLocalEffect(s, mutation, decisive);
                topics.add(Topic.CONFLICTS);
                log.info("Mutation {} refused ({}); moved to the conflict inbox", mutation.mutationId(),
                        decisive.getClass().getSimpleName());
            }
            topics.add(mutation instanceof Mutation.UpsertCustomer ? Topic.CUSTOMERS : Topic.BOOKINGS);
        }
        return topics;
    }

    /** A duplicate is answered as the first push of the same mutation was. */
    private static MutationOutcome original(MutationOutcome outcome) {
        MutationOutcome current = outcome;
        while (current instanceof Duplicate duplicate && duplicate.original() != null) {
            current = duplicate.original();
        }
        if (current instanceof Duplicate) {
            // a duplicate without its original still means the server has the mutation
            return new Applied(current.mutationId(), null, 0);
        }
        return current;
    }

    private boolean stillPending(Session s, UUID entityId) {
        return s.createSelectionQuery("select count(o) from OutboxRow o where o.entityId = :entity and o.state = :state", Long.class)
                .setParameter("entity", entityId).setParameter("state", PENDING).getSingleResult() > 0;
    }

    private void confirmLocalCopy(Session s, Mutation mutation) {
        boolean pending = stillPending(s, mutation.entityId());
        if (mutation instanceof Mutation.UpsertCustomer) {
            CustomerRow row = s.find(CustomerRow.class, mutation.entityId());
            if (row != null) {
                row.provisional = pending;
            }
        } else {
            BookingRow row = s.find(BookingRow.class, mutation.entityId());
            if (row != null) {
                row.provisional = pending;
                row.refused = false;
            }
        }
    }

    private void recordConflict(Session s, Mutation mutation, MutationOutcome outcome) {
        if (s.find(ConflictRow.class, mutation.mutationId()) != null) {
            return;
        }
        ConflictRow row = new ConflictRow();
        row.mutationId = mutation.mutationId();
        row.bookingId = mutation.entityId();
        row.kind = kindOf(outcome).name();
        row.reason = truncate(reasonOf(outcome));
        row.mutation = json.mutation(mutation);
        row.outcome = json.outcome(outcome);
        row.createdAt = clock.instant();
        s.persist(row);
    }

    private static ConflictItem.Kind kindOf(MutationOutcome outcome) {
        if (outcome instanceof Overlap) {
            return ConflictItem.Kind.OVERLAP;
        }
        if (outcome instanceof StaleRevision) {
            return ConflictItem.Kind.STALE_REVISION;
        }
        return ConflictItem.Kind.REJECTED;
    }

    private static String reasonOf(MutationOutcome outcome) {
        String reason = null;
        if (outcome instanceof MutationOutcome.Conflict conflict) {
            reason = conflict.reason();
        } else if (outcome instanceof Rejected rejected) {
            reason = rejected.field() == null ? rejected.reason() : rejected.field() + ": " + rejected.reason();
        }
        return reason == null || reason.isBlank() ? "refused by the server" : reason;
    }

    private static String truncate(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 4000);
    }

    /**
     * The server did not take the change: the desk shows the server's record again (the one a stale-revision
     * answer carries, else the last one it confirmed); a booking the server never had is flagged refused.
     */
    private void undoLocalEffect(Session s, Mutation mutation, MutationOutcome outcome) {
        boolean pending = stillPending(s, mutation.entityId());
        Object current = outcome instanceof StaleRevision stale ? stale.current() : null;
        if (mutation instanceof Mutation.UpsertCustomer) {
            CustomerRow row = s.find(CustomerRow.class, mutation.entityId());
            if (row == null) {
                return;
            }
            String serverCopy = row.serverCopy();
            if (current instanceof Customer customer) {
                rows.fill(row, customer);
                row.revision = Math.max(row.revision, customer.revision());
                row.serverPayload = null;
            } else if (serverCopy != null) {
                rows.fill(row, json.entity(serverCopy, Customer.class));
                row.serverPayload = null;
            }
            row.provisional = pending || row.serverCopy() == null;
            return;
        }
        BookingRow row = s.find(BookingRow.class, mutation.entityId());
        if (row == null) {
            return;
        }
        String serverCopy = row.serverCopy();
        if (current instanceof Booking booking) {
            rows.fill(row, booking);
            row.revision = Math.max(row.revision, booking.revision());
            row.serverPayload = null;
            row.refused = false;
            row.provisional = pending;
        } else if (serverCopy != null) {
            rows.fill(row, json.entity(serverCopy, Booking.class));
            row.serverPayload = null;
            row.refused = false;
            row.provisional = pending;
        } else {
            row.refused = true;
            row.provisional = false;
        }
    }

    ConflictItem item(ConflictRow row) {
        MutationOutcome outcome = json.outcome(row.outcome);
        List<UUID> conflicting = List.of();
        List<Slot> alternatives = List.of();
        if (outcome instanceof Overlap overlap) {
            conflicting = overlap.conflicts();
            alternatives = overlap.alternatives();
        }
        return new ConflictItem(row.mutationId, row.bookingId, ConflictItem.Kind.valueOf(row.kind), row.reason,
                json.mutation(row.mutation), outcome, conflicting, alternatives, row.createdAt, row.resolved,
                row.resolutionNote);
    }

    boolean resolve(Session s, UUID mutationId, String note) {
        ConflictRow row = s.find(ConflictRow.class, mutationId);
        if (row == null) {
            return false;
        }
        row.resolved = true;
        row.resolutionNote = note == null ? "" : truncate(note);
        row.resolvedAt = clock.instant();
        if (row.bookingId != null) {
            BookingRow booking = s.find(BookingRow.class, row.bookingId);
            if (booking != null && booking.refused && booking.serverCopy() == null) {
                s.remove(booking);
            }
        }
        log.info("Conflict of mutation {} resolved: {}", mutationId, row.resolutionNote);
        return true;
    }
}
