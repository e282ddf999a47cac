package com.venuedesk.model.sync;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.venuedesk.model.domain.Customer;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An intent recorded by a desk in its outbox and pushed to the server. Each carries its own mutation id,
 * generated once when the intent is recorded, so that a push repeated after a timeout or crash is applied once.
 * The server applies a mutation with exactly the rules of the matching REST call.
 *
 * <p>{@code actedBy} is the id of the clerk who was signed in at the desk when the intent was recorded (null when
 * unknown, e.g. an outbox written before desks recorded it). The server credits the change to that clerk in the
 * venue's history and records the pushing account beside it; permissions are always checked against the pusher.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Mutation.CreateBooking.class, name = "CREATE_BOOKING"),
        @JsonSubTypes.Type(value = Mutation.RescheduleBooking.class, name = "RESCHEDULE_BOOKING"),
        @JsonSubTypes.Type(value = Mutation.ChangeBookingStatus.class, name = "CHANGE_BOOKING_STATUS"),
        @JsonSubTypes.Type(value = Mutation.UpsertCustomer.class, name = "UPSERT_CUSTOMER"),
        @JsonSubTypes.Type(value = Mutation.UpdateBookingDetails.class, name = "UPDATE_BOOKING_DETAILS")
})
public sealed interface Mutation {

    UUID mutationId();

    /** The record this mutation is about. */
    UUID entityId();

    /** The clerk signed in at the desk when the mutation was recorded, or null. */
    UUID actedBy();

    /** Create a booking with a client-generated id. */
    record CreateBooking(UUID mutationId, UUID bookingId, UUID resourceId, UUID customerId,
                         Instant start, Instant end, String notes, UUID actedBy) implements Mutation {
        public CreateBooking {
            Objects.requireNonNull(mutationId, "mutationId");
            Objects.requireNonNull(bookingId, "bookingId");
        }

        public CreateBooking(UUID mutationId, UUID bookingId, UUID resourceId, UUID customerId,
                             Instant start, Instant end, String notes) {
            this(mutationId, bookingId, resourceId, customerId, start, end, notes, null);
        }

        @Override
        public UUID entityId() {
            return bookingId;
        }
    }

    /** Move a booking (possibly to another resource), valid only if the server still has expectedRevision. */
    record RescheduleBooking(UUID mutationId, UUID bookingId, long expectedRevision, UUID resourceId,
                             Instant start, Instant end, UUID actedBy) implements Mutation {
        public RescheduleBooking {
            Objects.requireNonNull(mutationId, "mutationId");
            Objects.requireNonNull(bookingId, "bookingId");
        }

        public RescheduleBooking(UUID mutationId, UUID bookingId, long expectedRevision, UUID resourceId,
                                 Instant start, Instant end) {
            this(mutationId, bookingId, expectedRevision, resourceId, start, end, null);
        }

        @Override
        public UUID entityId() {
            return bookingId;
        }
    }

    /** A lifecycle step: approve, cancel, check in, complete, no-show. */
    record ChangeBookingStatus(UUID mutationId, UUID bookingId, BookingAction action, String reason,
                               Instant at, UUID actedBy) implements Mutation {
        public ChangeBookingStatus {
            Objects.requireNonNull(mutationId, "mutationId");
            Objects.requireNonNull(bookingId, "bookingId");
            Objects.requireNonNull(action, "action");
        }

        public ChangeBookingStatus(UUID mutationId, UUID bookingId, BookingAction action, String reason, Instant at) {
            this(mutationId, bookingId, action, reason, at, null);
        }

        @Override
        public UUID entityId() {
            return bookingId;
        }
    }

    /** Create or update a customer; expectedRevision 0 means create. */
    record UpsertCustomer(UUID mutationId, Customer customer, long expectedRevision, UUID actedBy)
            implements Mutation {
        public UpsertCustomer {
            Objects.requireNonNull(mutationId, "mutationId");
            Objects.requireNonNull(customer, "customer");
        }

        public UpsertCustomer(UUID mutationId, Customer customer, long expectedRevision) {
            this(mutationId, customer, expectedRevision, null);
        }

        @Override
        public UUID entityId() {
            return customer.id();
        }
    }

    /**
     * Change a booking's guest and notes (not its time: that is {@link RescheduleBooking}), valid only if the server
     * still has expectedRevision.
     */
    record UpdateBookingDetails(UUID mutationId, UUID bookingId, long expectedRevision, UUID customerId, String notes,
                                UUID actedBy) implements Mutation {
        public UpdateBookingDetails {
            Objects.requireNonNull(mutationId, "mutationId");
            Objects.requireNonNull(bookingId, "bookingId");
            notes = notes == null ? "" : notes;
        }

        @Override
        public UUID entityId() {
            return bookingId;
        }
    }
}
