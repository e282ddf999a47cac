package com.venuedesk.server.booking;

import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.MutationOutcome;
import com.venuedesk.server.auth.Principal;
import com.venuedesk.server.customers.CustomerDraft;
import com.venuedesk.server.customers.CustomerOutcome;
import com.venuedesk.server.customers.CustomerService;

/**
 * Applies a pushed desk mutation with exactly the services (and so the rules and permission checks) of the REST
 * calls, and says what happened in the wire protocol's terms. Idempotency bookkeeping (answering a repeated
 * mutation id with {@link MutationOutcome.Duplicate}) is the sync push's job around this call.
 */
public final class BookingCommands {
    private final BookingService bookings;
    private final CustomerService customers;

    public BookingCommands(BookingService bookings, CustomerService customers) {
        this.bookings = bookings;
        this.customers = customers;
    }

    /** Applies one mutation on behalf of the actor, in its own transaction(s). */
    public MutationOutcome apply(Principal actor, Mutation mutation) {
        if (mutation instanceof Mutation.CreateBooking c) {
            return toOutcome(mutation, bookings.create(actor,
                    new NewBooking(c.bookingId(), c.resourceId(), c.customerId(), c.start(), c.end(), c.notes())));
        }
        if (mutation instanceof Mutation.RescheduleBooking r) {
            return toOutcome(mutation, bookings.reschedule(actor,
                    new Reschedule(r.bookingId(), r.expectedRevision(), r.resourceId(), r.start(), r.end())));
        }
        if (mutation instanceof Mutation.ChangeBookingStatus s) {
            return toOutcome(mutation, bookings.changeStatus(actor, s.bookingId(), s.action(), s.reason(), s.at()));
        }
        if (mutation instanceof Mutation.UpdateBookingDetails d) {
            return toOutcome(mutation, bookings.updateDetails(actor, d.bookingId(), d.expectedRevision(), d.customerId(),
                    d.notes()));
        }
        Mutation.UpsertCustomer u = (Mutation.UpsertCustomer) mutation;
        Customer c = u.customer();
        return toOutcome(mutation, customers.upsert(actor, c.id(),
                new CustomerDraft(c.name(), c.email(), c.phone(), c.notes()), u.expectedRevision()));
    }

    static MutationOutcome toOutcome(Mutation m, BookingOutcome outcome) {
        if (outcome instanceof BookingOutcome.Saved saved) {
            return new MutationOutcome.Applied(m.mutationId(), saved.booking().id(), saved.booking().revision());
        }
        if (outcome instanceof BookingOutcome.Overlap overlap) {
            return new MutationOutcome.Overlap(m.mutationId(), overlap.conflicts(), overlap.alternatives(),
                    overlap.conflicts().size() + " active booking(s) overlap the requested time");
        }
        if (outcome instanceof BookingOutcome.StaleRevision stale) {
            return new MutationOutcome.StaleRevision(m.mutationId(), stale.current(),
                    "the booking has changed on the server since the desk read it");
        }
        if (outcome instanceof BookingOutcome.IdInUse inUse) {
            return new MutationOutcome.Rejected(m.mutationId(), "id",
                    "booking " + inUse.existing().id() + " exists with other content", 409);
        }
        if (outcome instanceof BookingOutcome.RefusedTransition refused) {
            return new MutationOutcome.Rejected(m.mutationId(), "status", refused.reason(), 409);
        }
        if (outcome instanceof BookingOutcome.Invalid invalid) {
            return new MutationOutcome.Rejected(m.mutationId(), invalid.field(), invalid.reason(), 400);
        }
        if (outcome instanceof BookingOutcome.Forbidden forbidden) {
            return new MutationOutcome.Rejected(m.mutationId(), null, forbidden.reason(), 403);
        }
        BookingOutcome.NotFound notFound = (BookingOutcome.NotFound) outcome;
        return new MutationOutcome.Rejected(m.mutationId(), "bookingId", "no booking " + notFound.id(), 404);
    }

    static MutationOutcome toOutcome(Mutation m, CustomerOutcome outcome) {
        if (outcome instanceof CustomerOutcome.Saved saved) {
            return new MutationOutcome.Applied(m.mutationId(), saved.customer().id(), saved.customer().revision());
        }
        if (outcome instanceof CustomerOutcome.StaleRevision stale) {
            return new MutationOutcome.StaleRevision(m.mutationId(), stale.current(),
                    "the customer has changed on the server since the desk read it");
        }
        if (outcome instanceof CustomerOutcome.Invalid invalid) {
            return new MutationOutcome.Rejected(m.mutationId(), invalid.field(), invalid.reason(), 400);
        }
        if (outcome instanceof CustomerOutcome.Forbidden forbidden) {
            return new MutationOutcome.Rejected(m.mutationId(), null, forbidden.reason(), 403);
        }
        CustomerOutcome.NotFound notFound = (CustomerOutcome.NotFound) outcome;
        return new MutationOutcome.Rejected(m.mutationId(), "customer.id", "no customer " + notFound.id(), 404);
    }
}
