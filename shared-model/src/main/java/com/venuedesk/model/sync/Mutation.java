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
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Mutation.CreateBooking.class, name = "CREATE_BOOKING"),
        @JsonSubTypes.Type(value = Mutation.RescheduleBooking.class, name = "RESCHEDULE_BOOKING"),
        @JsonSubTypes.Type(value = Mutation.ChangeBookingStatus.class, name = "CHANGE_BOOKING_STATUS"),
        @JsonSubTypes.Type(value = Mutation.UpsertCustomer.class, name = "UPSERT_CUSTOMER")
})
public sealed interface Mutation {

    UUID mutationId();

    /** The record this mutation is about. */
    UUID entityId();

    /** Create a booking with a client-generated id. */
    record CreateBooking(UUID mutationId, UUID bookingId, UUID resourceId, UUID customerId,
                         Instant start, Instant end, String notes) implements Mutation {
        public CreateBooking {
            Objects.requireNonNull(mutationId, "mutationId");
            Objects.requireNonNull(bookingId, "bookingId");
        }

        @Override
        public UUID entityId() {
            return bookingId;
        }
    }

    /** Move a booking (possibly to another resource), valid only if the server still has expectedRevision. */
    record RescheduleBooking(UUID mutationId, UUID bookingId, long expectedRevision, UUID resourceId,
                             Instant start, Instant end) implements Mutation {
        public RescheduleBooking {
            Objects.requireNonNull(mutationId, "mutationId");
            Objects.requireNonNull(bookingId, "bookingId");
        }

        @Override
        public UUID entityId() {
            return bookingId;
        }
    }

    /** A lifecycle step: approve, cancel, check in, complete, no-show. */
    record ChangeBookingStatus(UUID mutationId, UUID bookingId, BookingAction action, String reason,
                               Instant at) implements Mutation {
        public ChangeBookingStatus {
            Objects.requireNonNull(mutationId, "mutationId");
            Objects.requireNonNull(bookingId, "bookingId");
            Objects.requireNonNull(action, "action");
        }

        @Override
        public UUID entityId() {
            return bookingId;
        }
    }

    /** Create or update a customer; expectedRevision 0 means create. */
    record UpsertCustomer(UUID mutationId, Customer customer, long expectedRevision) implements Mutation {
        public UpsertCustomer {
            Objects.requireNonNull(mutationId, "mutationId");
            Objects.requireNonNull(customer, "customer");
        }

        @Override
        public UUID entityId() {
            return customer.id();
        }
    }
}
