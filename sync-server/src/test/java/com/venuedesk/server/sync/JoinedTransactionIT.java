package com.venuedesk.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.venuedesk.server.resources.ScheduleCache;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.rules.PricingPolicy;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.MutationOutcome;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.auth.Principal;
import com.venuedesk.server.booking.BookingCommands;
import com.venuedesk.server.booking.BookingService;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.customers.CustomerService;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The push relies on {@code Database.inOneTransaction}: a mutation's effect, its change-log row and its journal row
 * commit together or not at all, however many transactions the services open inside it.
 */
class JoinedTransactionIT {

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aFailureBeforeCommitLeavesNeitherTheEffectNorItsChangeNorItsRecord(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            UUID room = UUID.fromString(venue.resource("Room A"));
            UUID guest = UUID.fromString(venue.customer("Ada Lovelace"));
            BookingCommands commands = new BookingCommands(
                    new BookingService(server.database(), server.history(), Clock.systemUTC(), PricingPolicy.standard(), new ScheduleCache(),
                    com.venuedesk.model.rules.BookingLimits.standard()),
                    new CustomerService(server.database(), server.history()));
            MutationJournal journal = new MutationJournal(server.database(), com.venuedesk.server.wire.Json.newMapper());
            Principal desk = new Principal(UUID.randomUUID(), "desk", Role.FRONT_DESK);
            Mutation create = new Mutation.CreateBooking(UUID.randomUUID(), UUID.randomUUID(), room, guest,
                    Instant.parse("2026-12-06T09:00:00Z"), Instant.parse("2026-12-06T10:00:00Z"), "");
            long changes = SyncDesk.count(server, "change_log");

            assertThatThrownBy(() -> server.database().inOneTransaction(session -> {
                journal.claim(session, create, "desk-1", desk, Instant.now());
                MutationOutcome outcome = commands.apply(desk, create);
                assertThat(outcome).isInstanceOf(MutationOutcome.Applied.class);
                journal.record(session, outcome);
                throw new IllegalStateException("the server dies before commit");
            })).hasMessage("the server dies before commit");

            assertThat(SyncDesk.count(server, "booking")).isZero();
            assertThat(SyncDesk.count(server, "change_log")).isEqualTo(changes);
            assertThat(journal.find(create.mutationId())).isEmpty();

            MutationOutcome retried = new SyncService(server.database(), server.history().log(), commands,
                    com.venuedesk.server.wire.Json.newMapper(), Clock.systemUTC(),
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry()).pushOne(desk, "desk-1", create);
            assertThat(retried).isEqualTo(new MutationOutcome.Applied(create.mutationId(), create.entityId(), 1));
            assertThat(SyncDesk.count(server, "booking")).isEqualTo(1);
            assertThat(SyncDesk.count(server, "change_log")).isEqualTo(changes + 1);
            assertThat(journal.find(create.mutationId())).contains(retried);
        }
    }
}
