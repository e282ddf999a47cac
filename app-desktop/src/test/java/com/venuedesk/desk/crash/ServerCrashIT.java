package com.venuedesk.desk.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.simulation.DeskLedger;
import com.venuedesk.desk.simulation.ServerLedger;
import com.venuedesk.desk.simulation.SimulatedDesk;
import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.desk.sync.Backoff;
import com.venuedesk.desk.sync.Credentials;
import com.venuedesk.desk.sync.SyncClient;
import com.venuedesk.desk.sync.SyncEngine;
import com.venuedesk.desk.testing.ChildJvm;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.server.ServerMain;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import com.venuedesk.server.testing.SharedPostgres;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server runs in its own JVM ({@link ServerMain}, as {@code java -jar sync-server.jar} does) and is killed with
 * SIGKILL twice while a desk pushes its offline bookings, then restarted on the same database and port. The desk's
 * engine keeps retrying; in the end every booking is applied exactly once, and no write the server had acknowledged
 * is lost, on PostgreSQL and on the embedded H2 database alike.
 */
class ServerCrashIT {
    private static final Logger log = LoggerFactory.getLogger(ServerCrashIT.class);
    private static final Pattern PORT = Pattern.compile("listening on port (\\d+)");
    private static final int BOOKINGS = 200;

    /** A server process and how to start it again on the same data. */
    private static final class ServerProcess implements AutoCloseable {
        private final List<String> baseArgs;
        private final Path dir;
        private ChildJvm jvm;
        private int port;
        private int starts;

        ServerProcess(List<String> baseArgs, Path dir) {
            this.baseArgs = baseArgs;
            this.dir = dir;
        }

        void start() throws Exception {
            List<String> args = new ArrayList<>(baseArgs);
            args.addAll(List.of("--bind", "127.0.0.1", "--port", String.valueOf(port), "--data-dir", dir.toString()));
            jvm = ChildJvm.start("server-" + (++starts), ServerMain.class,
                    Map.of("VENUEDESK_ADMIN_PASSWORD", ServerUnderTest.ADMIN_PASSWORD), args);
            String line = jvm.await(l -> PORT.matcher(l).find(), Duration.ofSeconds(90), "its port");
            Matcher m = PORT.matcher(line);
            m.find();
            port = Integer.parseInt(m.group(1));
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port + "/";
        }

        void kill() throws InterruptedException {
            jvm.kill();
        }

        @Override
        public void close() throws InterruptedException {
            if (jvm != null) {
                jvm.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aServerKilledMidPushAndRestartedLosesNoAcknowledgedWriteAndAppliesEveryMutationOnce(ServerUnderTest.Db db,
                                                                                           @TempDir Path dir) throws Exception {
        SharedPostgres.PgDatabase pg = db == ServerUnderTest.Db.POSTGRESQL ? SharedPostgres.freshDatabase() : null;
        List<String> dbArgs = pg == null ? List.of()
                : List.of("--db-url", pg.url(), "--db-user", pg.user(), "--db-password", pg.password());
        // H2 is readable only while the server process is dead (it holds the file lock)
        ServerLedger ledger = pg == null
                ? new ServerLedger("jdbc:h2:file:" + dir.resolve("server").toAbsolutePath().resolve("venuedesk"), "", "")
                : new ServerLedger(pg.url(), pg.user(), pg.password());
        ScheduledExecutorService scheduler = SimulatedDesk.quietScheduler("server-crash-desk");
        try (ServerProcess server = new ServerProcess(dbArgs, dir.resolve("server"))) {
            server.start();
            ApiClient admin = new ApiClient(URI.create(server.baseUrl().replaceAll("/$", ""))).login("admin", ServerUnderTest.ADMIN_PASSWORD);
            UUID room = UUID.fromString(created(admin, "/api/v1/resources", resourceBody()));
            UUID guest = UUID.fromString(created(admin, "/api/v1/customers",
                    Map.of("name", "Ada Lovelace", "email", "ada@example.com", "phone", "+49 30 1234567")));
            created(admin, "/api/v1/users", Map.of("username", "front", "password", "front-desk-password", "role", "FRONT_DESK"));

            DeskStore store = DeskStore.open(dir.resolve("desk"));
            SyncClient client = new SyncClient(server.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(5));
            client.loginWhenNeeded(new Credentials("front", "front-desk-password"));
            UUID userId = client.login("front", "front-desk-password").user().id();
            Backoff fast = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500), 0.0);
            SyncEngine engine = new SyncEngine(store, client, scheduler, Clock.systemUTC(),
                    new SyncEngine.Settings(5, 500, Duration.ofMinutes(10), fast, fast));
            try {
                engine.syncNow();
                LocalBookings bookings = new LocalBookings(store, Clock.systemUTC(), userId);
                Instant first = LocalDate.now(ZoneOffset.UTC).plusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC);
                for (int i = 0; i < BOOKINGS; i++) {
                    Instant start = first.plus(i, ChronoUnit.HOURS);
                    assertThat(bookings.createBooking(room, guest, new TimeRange(start, start.plus(1, ChronoUnit.HOURS)), "n" + i))
                            .isInstanceOf(LocalWrite.Recorded.class);
                }

                engine.start();
                for (int threshold : new int[] {BOOKINGS - 30, BOOKINGS - 100}) {
                    await(() -> store.pendingOutboxCount() <= threshold, Duration.ofSeconds(60));
                    if (db == ServerUnderTest.Db.POSTGRESQL) {
                        // kill while a batch is half applied: the server has committed more than it has answered
                        long answered = BOOKINGS - store.pendingOutboxCount();
                        await(() -> ledger.journalCount() > answered + 1, Duration.ofSeconds(20));
                    }
                    server.kill();
                    int acknowledged = BOOKINGS - store.pendingOutboxCount();
                    int committed = ledger.journal().size();
                    log.info("Server killed: {} of {} mutations acknowledged to the desk, {} committed on the server",
                            acknowledged, BOOKINGS, committed);
                    assertThat(committed).as("acknowledged writes are committed").isGreaterThanOrEqualTo(acknowledged);
                    Thread.sleep(500); // the desk's engine meets a dead server and backs off
                    assertThat(engine.status().online()).as("the desk noticed").isFalse();
                    server.start();
                }
                await(() -> store.pendingOutboxCount() == 0, Duration.ofSeconds(60));
            } finally {
                engine.close();
                scheduler.shutdown();
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
                client.close();
                store.close();
            }
            if (db == ServerUnderTest.Db.H2) {
                server.kill(); // the H2 file is the server's until it is gone
            }
            DeskLedger desk = DeskLedger.read(dir.resolve("desk"));
            assertThat(desk.count("APPLIED")).isEqualTo(BOOKINGS);
            assertThat(desk.conflictKinds()).isEmpty();
            assertThat(ledger.bookings().keySet()).as("every acknowledged booking survived the crashes")
                    .isEqualTo(desk.outbox().values().stream().map(DeskLedger.OutboxEntry::entityId).collect(java.util.stream.Collectors.toSet()));
            assertThat(ledger.bookings().values()).allSatisfy(b -> assertThat(b.revision()).isEqualTo(1));
            long[] rowsAndDistinct = ledger.journalRowsAndDistinctIds();
            assertThat(rowsAndDistinct[0]).isEqualTo(BOOKINGS).isEqualTo(rowsAndDistinct[1]);
            assertThat(ledger.journal().keySet()).isEqualTo(desk.outbox().keySet());
        }
    }

    private static Map<String, Object> resourceBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Crash Hall");
        body.put("type", "MEETING_ROOM");
        body.put("capacity", 6);
        body.put("pricePerHour", Map.of("amount", "40.00", "currency", "EUR"));
        body.put("timeZone", "Europe/Berlin");
        return body;
    }

    private static String created(ApiClient admin, String path, Object body) {
        ApiClient.Reply reply = admin.post(path, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    private static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + within);
            }
            Thread.sleep(5);
        }
    }
}
