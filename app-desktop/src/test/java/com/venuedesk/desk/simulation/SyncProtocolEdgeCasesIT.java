package com.venuedesk.desk.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.venuedesk.desk.store.ConflictItem;
import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.desk.store.OutboxEntry;
import com.venuedesk.desk.sync.Backoff;
import com.venuedesk.desk.sync.ProblemException;
import com.venuedesk.desk.sync.SyncClient;
import com.venuedesk.desk.sync.SyncEngine;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.MutationOutcome;
import com.venuedesk.model.sync.PushRequest;
import com.venuedesk.model.sync.PushResponse;
import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.auth.AuthPolicy;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ServerUnderTest;
import com.venuedesk.server.testing.SharedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push protocol's awkward moments, with a real desk store and engine against a real server on PostgreSQL: a server
 * error in the middle of a batch, an answer lost after the server applied, and answers that arrive twice, late or in
 * another order. (Replayed and racing pushes on the server alone are in the server's {@code SyncPushIT}.)
 */
class SyncProtocolEdgeCasesIT {
    @TempDir
    Path dir;
    private SharedPostgres.PgDatabase pg;
    private VenueDeskServer server;
    private ServerLedger ledger;
    private UUID room;
    private UUID guest;
    private DeskStore store;
    private SyncClient client;
    private LocalBookings bookings;
    private SyncEngine engine;
    private ScheduledExecutorService scheduler;
    private Instant day;

    @BeforeEach
    void startServerAndDesk() {
        pg = SharedPostgres.freshDatabase();
        server = VenueDeskServer.start(ServerConfig.embedded(dir.resolve("server"))
                .withAdminPassword(ServerUnderTest.ADMIN_PASSWORD).withDatabase(pg.url(), pg.user(), pg.password())
                .withAuthPolicy(AuthPolicy.defaults().withLoginRateLimit(10_000, Duration.ofMinutes(1))));
        ledger = new ServerLedger(pg.url(), pg.user(), pg.password());
        Venue venue = new Venue(server);
        room = UUID.fromString(venue.resource("Room A"));
        guest = UUID.fromString(venue.customer("Ada Lovelace"));
        venue.staff("front", Role.FRONT_DESK);
        store = DeskStore.open(dir.resolve("desk"));
        client = new SyncClient(server.baseUri().toString());
        UUID userId = client.login("front", "front-password").user().id();
        scheduler = SimulatedDesk.quietScheduler("edge-desk");
        Backoff fast = new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 0.0);
        engine = new SyncEngine(store, client, scheduler, Clock.systemUTC(),
                new SyncEngine.Settings(50, 500, Duration.ofMinutes(10), fast, fast));
        bookings = new LocalBookings(store, Clock.systemUTC(), userId);
        engine.syncNow();
        day = LocalDate.now(ZoneOffset.UTC).plusDays(10).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    @AfterEach
    void stop() throws InterruptedException {
        engine.close();
        scheduler.shutdown();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
        client.close();
        store.close();
        server.close();
    }

    @Test
    void aServerErrorInTheMiddleOfABatchFailsThePushKeepsTheOutboxAndTheRetryAppliesEveryMutationOnce() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(book(i, i == 3 ? "explode" : "fine " + i));
        }
        // a genuine database failure on the fourth booking, on every attempt: the server answers 500
        sql("CREATE FUNCTION explode() RETURNS trigger AS $$ BEGIN "
                + "IF NEW.notes = 'explode' THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
                "CREATE TRIGGER explode BEFORE INSERT ON booking FOR EACH ROW EXECUTE FUNCTION explode()");

        assertThatThrownBy(engine::syncNow).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(500));
        assertThat(ledger.journalCount()).as("the three mutations before the failure are committed").isEqualTo(3);
        assertThat(store.pendingOutboxCount()).as("a failed push records nothing on the desk").isEqualTo(6);
        assertThat(bookings.isProvisional(ids.get(0))).isTrue();

        sql("DROP TRIGGER explode ON booking");
        List<MutationOutcome> answers = new ArrayList<>();
        PushResponse replay = client.push(new PushRequest(store.deviceId().toString(),
                store.pendingOutbox(50).stream().map(OutboxEntry::mutation).toList()));
        answers.addAll(replay.outcomes());
        assertThat(answers.subList(0, 3)).as("the committed half is answered as before")
                .allMatch(o -> o instanceof MutationOutcome.Duplicate d && d.original() instanceof MutationOutcome.Applied);
        assertThat(answers.subList(3, 6)).allMatch(o -> o instanceof MutationOutcome.Applied);

        // the desk never heard that answer either: its engine pushes the same ids again and settles them all
        engine.syncNow();
        assertThat(store.pendingOutboxCount()).isZero();
        assertThat(bookings.openConflicts()).isEmpty();
        assertThat(ids).allMatch(id -> !bookings.isProvisional(id));
        assertThat(ledger.journalCount()).isEqualTo(6);
        assertThat(ledger.bookings().values()).hasSize(6).allMatch(b -> b.revision() == 1);
        assertThat(ledger.changeLogRowsPerBooking().values()).containsOnly(1L);
    }

    @Test
    void anAnswerLostAfterTheServerAppliedIsRecoveredByPushingTheSameMutationIdsAgain() {
        UUID first = book(0, "lost answer");
        UUID moved = book(1, "to be moved");
        engine.syncNow();
        bookings.reschedule(moved, room, hour(5));
        UUID second = book(2, "also lost");
        List<OutboxEntry> pending = store.pendingOutbox(50);

        // the request reaches the server, the answer never reaches the desk (timeout, dropped connection)
        client.push(new PushRequest(store.deviceId().toString(), pending.stream().map(OutboxEntry::mutation).toList()));
        long journaled = ledger.journalCount();
        assertThat(store.pendingOutboxCount()).isEqualTo(2);

        engine.syncNow();
        assertThat(store.pendingOutboxCount()).isZero();
        assertThat(ledger.journalCount()).as("the retry applied nothing again").isEqualTo(journaled);
        assertThat(ledger.bookings().get(moved).revision()).as("moved once").isEqualTo(2);
        assertThat(ledger.bookings().get(moved).start()).isEqualTo(hour(5).start());
        assertThat(ledger.bookings().get(second).revision()).isEqualTo(1);
        assertThat(bookings.booking(moved).orElseThrow().booking().revision()).isEqualTo(2);
        assertThat(List.of(first, moved, second)).allMatch(id -> !bookings.isProvisional(id));
    }

    @Test
    void answersThatArriveTwiceLateOrInAnotherOrderChangeNothingOnceAMutationIsSettled() {
        UUID mine = book(0, "mine");
        UUID other = book(1, "other");
        // someone else takes hour 2 on the server first: the desk's booking of hour 2 will be refused
        Venue venue = new Venue(server);
        assertThat(venue.admin.post("/api/v1/bookings", Venue.booking(null, room.toString(), guest.toString(),
                hour(2).start().toString(), hour(2).end().toString())).status()).isEqualTo(201);
        UUID refused = book(2, "too late");
        List<OutboxEntry> batch = store.pendingOutbox(50);
        List<Mutation> mutations = batch.stream().map(OutboxEntry::mutation).toList();

        PushResponse original = client.push(new PushRequest(store.deviceId().toString(), mutations));
        PushResponse repeated = client.push(new PushRequest(store.deviceId().toString(), mutations));
        assertThat(original.outcomes().get(2)).isInstanceOf(MutationOutcome.Overlap.class);
        assertThat(repeated.outcomes()).allMatch(o -> o instanceof MutationOutcome.Duplicate);

        // the answers come in reverse order of the mutations: they are matched by mutation id
        List<MutationOutcome> reversed = new ArrayList<>(repeated.outcomes());
        Collections.reverse(reversed);
        store.settle(batch, reversed);
        assertState(mine, other, refused);

        // then the original answer turns up late, and the repeat once more: nothing moves, nothing doubles
        store.settle(batch, original.outcomes());
        store.settle(batch, repeated.outcomes());
        assertState(mine, other, refused);

        engine.syncNow();
        assertState(mine, other, refused);
        assertThat(ledger.journalCount()).isEqualTo(3);
    }

    private void assertState(UUID mine, UUID other, UUID refused) {
        assertThat(store.pendingOutboxCount()).isZero();
        List<ConflictItem> inbox = bookings.openConflicts();
        assertThat(inbox).singleElement().satisfies(c -> {
            assertThat(c.bookingId()).isEqualTo(refused);
            assertThat(c.kind()).isEqualTo(ConflictItem.Kind.OVERLAP);
        });
        assertThat(bookings.booking(refused).orElseThrow().refused()).isTrue();
        assertThat(bookings.isProvisional(mine)).isFalse();
        assertThat(bookings.isProvisional(other)).isFalse();
    }

    private UUID book(int hourIndex, String notes) {
        LocalWrite write = bookings.createBooking(room, guest, hour(hourIndex), notes);
        assertThat(write).isInstanceOf(LocalWrite.Recorded.class);
        return ((LocalWrite.Recorded) write).entity().id();
    }

    private TimeRange hour(int index) {
        Instant start = day.plus(8 + index, ChronoUnit.HOURS);
        return new TimeRange(start, start.plus(1, ChronoUnit.HOURS));
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password()); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
