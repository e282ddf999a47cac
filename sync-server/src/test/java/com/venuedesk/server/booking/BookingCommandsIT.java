package com.venuedesk.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.server.resources.ScheduleCache;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.rules.PricingPolicy;
import com.venuedesk.model.sync.BookingAction;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.MutationOutcome;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.auth.Principal;
import com.venuedesk.server.customers.CustomerService;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pushed mutations go through the same services as REST and come back as the wire protocol's outcomes. */
class BookingCommandsIT {

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void pushedMutationsAreAppliedWithTheRestRulesAndAnsweredInProtocolTerms(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            UUID room = UUID.fromString(venue.resource("Room A"));
            BookingService bookings = new BookingService(server.database(), server.history(), Clock.systemUTC(), PricingPolicy.standard(), new ScheduleCache(),
                    com.venuedesk.model.rules.BookingLimits.standard());
            BookingCommands commands = new BookingCommands(bookings, new CustomerService(server.database(), server.history()));
            Principal desk = new Principal(UUID.randomUUID(), "desk", Role.FRONT_DESK);

            UUID guest = UUID.randomUUID();
            MutationOutcome customer = commands.apply(desk, new Mutation.UpsertCustomer(UUID.randomUUID(),
                    new Customer(guest, "Ada Lovelace", "ada@example.com", null, "", 0), 0));
            assertThat(customer).isEqualTo(new MutationOutcome.Applied(((MutationOutcome.Applied) customer).mutationId(), guest, 1));
            MutationOutcome badCustomer = commands.apply(desk, new Mutation.UpsertCustomer(UUID.randomUUID(),
                    new Customer(guest, "Ada Lovelace", "ada@example.com", null, "note", 0), 7));
            assertThat(badCustomer).isInstanceOf(MutationOutcome.StaleRevision.class);
            assertThat(((MutationOutcome.StaleRevision) badCustomer).current().revision()).isEqualTo(1);

            UUID bookingId = UUID.randomUUID();
            Mutation.CreateBooking create = new Mutation.CreateBooking(UUID.randomUUID(), bookingId, room, guest,
                    Instant.parse("2026-12-06T09:00:00Z"), Instant.parse("2026-12-06T10:00:00Z"), "offline");
            assertThat(commands.apply(desk, create)).isEqualTo(new MutationOutcome.Applied(create.mutationId(), bookingId, 1));
            assertThat(commands.apply(desk, create)).as("a replayed create changes nothing")
                    .isEqualTo(new MutationOutcome.Applied(create.mutationId(), bookingId, 1));

            UUID otherDesk = UUID.randomUUID();
            MutationOutcome clash = commands.apply(desk, new Mutation.CreateBooking(UUID.randomUUID(), otherDesk, room, guest,
                    Instant.parse("2026-12-06T09:30:00Z"), Instant.parse("2026-12-06T10:30:00Z"), ""));
            assertThat(clash).isInstanceOf(MutationOutcome.Overlap.class);
            assertThat(((MutationOutcome.Overlap) clash).conflicts()).containsExactly(bookingId);
            assertThat(((MutationOutcome.Overlap) clash).alternatives()).isNotEmpty();

            MutationOutcome stale = commands.apply(desk, new Mutation.RescheduleBooking(UUID.randomUUID(), bookingId, 5, null,
                    Instant.parse("2026-12-06T11:00:00Z"), Instant.parse("2026-12-06T12:00:00Z")));
            assertThat(stale).isInstanceOf(MutationOutcome.StaleRevision.class);
            assertThat(((Booking) ((MutationOutcome.StaleRevision) stale).current()).revision()).isEqualTo(1);

            MutationOutcome approve = commands.apply(desk,
                    new Mutation.ChangeBookingStatus(UUID.randomUUID(), bookingId, BookingAction.APPROVE, null, null));
            assertThat(approve).isInstanceOf(MutationOutcome.Rejected.class);
            assertThat(((MutationOutcome.Rejected) approve).status()).isEqualTo(403);

            Instant arrived = Instant.parse("2026-12-06T08:55:00Z");
            MutationOutcome checkIn = commands.apply(desk,
                    new Mutation.ChangeBookingStatus(UUID.randomUUID(), bookingId, BookingAction.CHECK_IN, null, arrived));
            assertThat(checkIn).isInstanceOf(MutationOutcome.Applied.class);
            assertThat(bookings.find(bookingId).orElseThrow().checkedInAt()).isEqualTo(arrived);

            MutationOutcome moved = commands.apply(desk, new Mutation.RescheduleBooking(UUID.randomUUID(), bookingId, 2, null,
                    Instant.parse("2026-12-06T11:00:00Z"), Instant.parse("2026-12-06T12:00:00Z")));
            assertThat(moved).isInstanceOf(MutationOutcome.Applied.class);
            assertThat(((MutationOutcome.Applied) moved).revision()).isEqualTo(3);

            MutationOutcome backwards = commands.apply(desk, new Mutation.CreateBooking(UUID.randomUUID(), UUID.randomUUID(),
                    room, guest, Instant.parse("2026-12-06T12:00:00Z"), Instant.parse("2026-12-06T11:00:00Z"), ""));
            assertThat(backwards).isInstanceOf(MutationOutcome.Rejected.class);
            assertThat(((MutationOutcome.Rejected) backwards).field()).isEqualTo("end");
            assertThat(((MutationOutcome.Rejected) backwards).status()).isEqualTo(400);

            commands.apply(desk, new Mutation.ChangeBookingStatus(UUID.randomUUID(), bookingId, BookingAction.CANCEL, "ill", null));
            MutationOutcome cancelAgain = commands.apply(desk,
                    new Mutation.ChangeBookingStatus(UUID.randomUUID(), bookingId, BookingAction.COMPLETE, null, null));
            assertThat(cancelAgain).isInstanceOf(MutationOutcome.Rejected.class);
            assertThat(((MutationOutcome.Rejected) cancelAgain).status()).isEqualTo(409);

            long logged = server.database().inTransaction(s -> s.createNativeQuery(
                    "SELECT COUNT(*) FROM change_log WHERE entity_id = :id", Long.class).setParameter("id", bookingId)
                    .getSingleResult());
            assertThat(logged).as("one change-log entry per write of the booking").isEqualTo(4);
        }
    }
}
