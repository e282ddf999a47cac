package com.venuedesk.server.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.model.sync.HistoryAction;
import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.history.ChangeFeed;
import com.venuedesk.server.history.HistoryActor;
import com.venuedesk.server.history.HistoryEntry;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import com.venuedesk.server.testing.SharedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Server-side consumers of the venue's history on real databases: every event once, in the feed's commit order, a late
 * commit included; a batch cut short resumes without loss; two instances on one PostgreSQL share a consumer exactly
 * once; a poisoned event is retried, parked, shown to an admin and retried by one; and the lag is on /metrics.
 */
class LogConsumersIT {
    private static final ConsumerSettings FAST = new ConsumerSettings(Duration.ofMillis(50), 200, 1_000,
            Duration.ofMillis(20), Duration.ofMillis(200));

    @Test
    void onPostgresqlAConsumerSeesEveryEventOnceInCommitOrderAndWaitsForALateCommit(@TempDir Path dir) throws Exception {
        RecordingConsumer recorder = new RecordingConsumer("recorder");
        try (VenueDeskServer server = VenueDeskServer.start(ServerUnderTest.config(ServerUnderTest.Db.POSTGRESQL, dir),
                List.of(recorder), FAST)) {
            recorder.readyOn(server);
            UUID early = UUID.randomUUID();
            UUID late = UUID.randomUUID();
            try (Session t1 = server.database().sessionFactory().openSession();
                 Session t2 = server.database().sessionFactory().openSession()) {
                Transaction tx1 = t1.beginTransaction();
                server.history().record(t1, deleted(early));
                Transaction tx2 = t2.beginTransaction();
                server.history().record(t2, deleted(late));
                tx2.commit();
                Thread.sleep(500);
                assertThat(ids(recorder)).as("T2 committed, but T1 (an earlier seq) may still commit before it")
                        .doesNotContain(early, late);
                tx1.commit();
            }
            await(() -> ids(recorder).contains(late));
            List<UUID> seen = ids(recorder);
            assertThat(seen.indexOf(early)).isLessThan(seen.indexOf(late));
            assertThat(seen).doesNotHaveDuplicates();
            assertThat(RecordingConsumer.committed(server, "recorder")).containsExactlyElementsOf(seen);
            List<ChangeFeed.Row> handled = recorder.handled;
            assertThat(handled.stream().map(ChangeFeed.Row::cursor).toList()).isSorted();
        }
    }

    @Test
    void onH2AConsumerSeesEveryEventOnceInCommitOrder(@TempDir Path dir) throws Exception {
        RecordingConsumer recorder = new RecordingConsumer("recorder");
        try (VenueDeskServer server = VenueDeskServer.start(ServerUnderTest.config(ServerUnderTest.Db.H2, dir),
                List.of(recorder), FAST)) {
            recorder.readyOn(server);
            Venue venue = new Venue(server);
            List<UUID> customers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                customers.add(UUID.fromString(venue.customer("Guest " + i)));
            }
            await(() -> ids(recorder).containsAll(customers));
            assertThat(ids(recorder)).containsSubsequence(customers).doesNotHaveDuplicates();
            assertThat(RecordingConsumer.committed(server, "recorder")).containsExactlyElementsOf(ids(recorder));
        }
    }

    @Test
    void aConsumerWhoseInstanceDiesMidBatchIsTakenOverByAnotherWithoutLossOrRepeat(@TempDir Path dir) throws Exception {
        SharedPostgres.PgDatabase pg = SharedPostgres.freshDatabase();
        RecordingConsumer atA = new RecordingConsumer("recorder");
        RecordingConsumer atB = new RecordingConsumer("recorder");
        atA.blockAtCall = 3;
        ServerConfig a = ServerUnderTest.config(ServerUnderTest.Db.H2, dir.resolve("a"))
                .withDatabase(pg.url() + (pg.url().contains("?") ? "&" : "?") + "ApplicationName=instance-a",
                        pg.user(), pg.password());
        try (VenueDeskServer serverA = VenueDeskServer.start(a, List.of(atA), FAST)) {
            Venue venue = new Venue(serverA);
            List<UUID> customers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                customers.add(UUID.fromString(venue.customer("Guest " + i)));
            }
            atA.readyOn(serverA);
            assertThat(atA.blocked.await(10, TimeUnit.SECONDS)).as("instance A is inside a batch").isTrue();
            ServerConfig b = ServerUnderTest.config(ServerUnderTest.Db.H2, dir.resolve("b"))
                    .withDatabase(pg.url(), pg.user(), pg.password());
            try (VenueDeskServer serverB = VenueDeskServer.start(b, List.of(atB), FAST)) {
                atB.ready.set(true);
                Thread.sleep(500);
                assertThat(atB.calls.get()).as("B leaves the consumer to A while A holds its row").isZero();

                // A's process dies: PostgreSQL ends its connection, its transaction and the row lock with it
                terminate(serverB, "instance-a");
                await(() -> RecordingConsumer.committed(serverB, "recorder").containsAll(customers));
                atA.release.countDown();
                List<UUID> committed = RecordingConsumer.committed(serverB, "recorder");
                assertThat(committed).containsSubsequence(customers).doesNotHaveDuplicates();
                assertThat(serverB.consumers().parked("recorder", null)).isEmpty();
                assertThat(atB.handled).as("B handled the batch A lost, from its first event").isNotEmpty();
            }
        }
    }

    @Test
    void twoInstancesOnOnePostgresqlRunAConsumerExactlyOnceBetweenThem(@TempDir Path dir) throws Exception {
        SharedPostgres.PgDatabase pg = SharedPostgres.freshDatabase();
        RecordingConsumer atA = new RecordingConsumer("recorder");
        RecordingConsumer atB = new RecordingConsumer("recorder");
        ServerConfig a = ServerUnderTest.config(ServerUnderTest.Db.H2, dir.resolve("a"))
                .withDatabase(pg.url(), pg.user(), pg.password());
        ServerConfig b = ServerUnderTest.config(ServerUnderTest.Db.H2, dir.resolve("b"))
                .withDatabase(pg.url(), pg.user(), pg.password());
        try (VenueDeskServer serverA = VenueDeskServer.start(a, List.of(atA), FAST);
             VenueDeskServer serverB = VenueDeskServer.start(b, List.of(atB), FAST)) {
            atA.readyOn(serverA);
            atB.ready.set(true);
            Venue viaA = new Venue(serverA);
            Venue viaB = new Venue(serverB);
            String room = viaA.resource("Room A");
            String guest = viaA.customer("Ada Lovelace");
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<Integer>> creates = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Venue via = i % 2 == 0 ? viaA : viaB;
                String start = String.format("2027-01-%02dT%02d:00:00Z", 1 + i / 10, 8 + i % 10);
                String end = String.format("2027-01-%02dT%02d:00:00Z", 1 + i / 10, 9 + i % 10);
                creates.add(clients.submit(() -> via.admin.post("/api/v1/bookings",
                        Venue.booking(null, room, guest, start, end)).status()));
            }
            for (Future<Integer> create : creates) {
                assertThat(create.get(60, TimeUnit.SECONDS)).isEqualTo(201);
            }
            clients.shutdown();
            long events = count(serverA, "SELECT COUNT(*) FROM change_log");
            await(() -> RecordingConsumer.committed(serverA, "recorder").size() == events);
            Thread.sleep(300);
            assertThat(RecordingConsumer.committed(serverA, "recorder")).hasSize((int) events).doesNotHaveDuplicates();
            assertThat(atA.handled.size() + atB.handled.size()).as("handled once between them").isEqualTo(events);
            assertThat(serverA.consumers().parked(null, null)).isEmpty();

            awaitMetric(serverA, "venuedesk_bookings_made_total{resource_type=\"MEETING_ROOM\"}", 40.0);
            awaitMetric(serverB, "venuedesk_bookings_made_total{resource_type=\"MEETING_ROOM\"}", 40.0);
            assertThat(count(serverA, "SELECT amount FROM business_counter WHERE counter_name = 'bookings_created'"))
                    .as("the business counters counted each booking exactly once").isEqualTo(40);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void anEventThatKeepsFailingIsRetriedWithBackoffThenParkedWithoutBlockingTheRestAndAnAdminRetriesIt(
            ServerUnderTest.Db db, @TempDir Path dir) throws Exception {
        RecordingConsumer recorder = new RecordingConsumer("recorder");
        ConsumerSettings parkAfterThree = new ConsumerSettings(Duration.ofMillis(50), 200, 3, Duration.ofMillis(50),
                Duration.ofMillis(200));
        try (VenueDeskServer server = VenueDeskServer.start(ServerUnderTest.config(db, dir), List.of(recorder),
                parkAfterThree)) {
            recorder.readyOn(server);
            Venue venue = new Venue(server);
            UUID first = UUID.fromString(venue.customer("Guest 1"));
            await(() -> ids(recorder).contains(first));
            UUID poison = UUID.randomUUID();
            recorder.failsOn = row -> row.entityId().equals(poison);
            server.database().inTransaction(session -> {
                server.history().record(session, deleted(poison));
                return null;
            });
            UUID after = UUID.fromString(venue.customer("Guest 2"));
            await(() -> ids(recorder).contains(after));

            ApiClient.Reply parked = venue.admin.get("/api/v1/consumers/parked?consumer=recorder&state=PARKED");
            assertThat(parked.status()).as(parked.body()).isEqualTo(200);
            assertThat(parked.json()).hasSize(1);
            JsonNode entry = parked.json().get(0);
            assertThat(entry.get("entityId").asText()).isEqualTo(poison.toString());
            assertThat(entry.get("attempts").asInt()).isEqualTo(3);
            assertThat(entry.get("lastError").asText()).contains("cannot handle " + poison);
            awaitMetric(server, "venuedesk_consumer_parked{consumer=\"recorder\"}", 1.0);
            JsonNode status = statusOf(venue, "recorder");
            assertThat(status.get("parked").asInt()).isEqualTo(1);

            ApiClient.Reply stillFailing = venue.admin.post("/api/v1/consumers/parked/" + entry.get("id").asText()
                    + "/retry", "{}");
            assertThat(stillFailing.json().get("state").asText()).isEqualTo("PARKED");
            assertThat(stillFailing.json().get("attempts").asInt()).isEqualTo(4);

            recorder.failsOn = row -> false;
            ApiClient.Reply retried = venue.admin.post("/api/v1/consumers/parked/" + entry.get("id").asText()
                    + "/retry", "{}");
            assertThat(retried.status()).as(retried.body()).isEqualTo(200);
            assertThat(retried.json().get("state").asText()).isEqualTo("RESOLVED");
            assertThat(RecordingConsumer.committed(server, "recorder")).contains(poison);
            awaitMetric(server, "venuedesk_consumer_parked{consumer=\"recorder\"}", 0.0);

            Venue.assertProblem(venue.admin.get("/api/v1/consumers/parked?state=LOST"), 400, "state");
            assertThat(venue.admin.post("/api/v1/consumers/parked/" + UUID.randomUUID() + "/retry", "{}").status())
                    .isEqualTo(404);
            ApiClient desk = venue.staff("dana", com.venuedesk.model.domain.Role.FRONT_DESK);
            assertThat(desk.get("/api/v1/consumers").status()).isEqualTo(403);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void metricsShowEachConsumersLagAndTheBookingsCreatedAndCancelledByResourceType(ServerUnderTest.Db db,
                                                                                  @TempDir Path dir) throws Exception {
        try (VenueDeskServer server = VenueDeskServer.start(ServerUnderTest.config(db, dir), List.of(), FAST)) {
            Venue venue = new Venue(server);
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");
            ApiClient.Reply one = venue.admin.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2027-01-04T09:00:00Z", "2027-01-04T10:00:00Z"));
            venue.admin.post("/api/v1/bookings", Venue.booking(null, room, guest, "2027-01-04T10:00:00Z",
                    "2027-01-04T11:30:00Z"));
            venue.admin.post("/api/v1/bookings/" + one.json().get("id").asText() + "/cancel",
                    Map.of("reason", "guest cancelled"));
            awaitMetric(server, "venuedesk_bookings_cancelled_total{resource_type=\"MEETING_ROOM\"}", 1.0);
            assertThat(metric(server, "venuedesk_bookings_made_total{resource_type=\"MEETING_ROOM\"}")).isEqualTo(2.0);
            assertThat(metric(server, "venuedesk_bookings_value_total{currency=\"EUR\",resource_type=\"MEETING_ROOM\"}"))
                    .isPositive();
            awaitMetric(server, "venuedesk_consumer_lag_events{consumer=\"business-counters\"}", 0.0);
            assertThat(metric(server, "venuedesk_consumer_lag_seconds{consumer=\"business-counters\"}")).isZero();
            assertThat(metric(server, "venuedesk_consumer_parked{consumer=\"business-counters\"}")).isZero();
            JsonNode status = statusOf(venue, "business-counters");
            assertThat(status.get("processed").asLong()).isGreaterThanOrEqualTo(5);
            assertThat(status.get("owner").asText()).isNotBlank();
        }
    }

    private static JsonNode statusOf(Venue venue, String name) {
        ApiClient.Reply all = venue.admin.get("/api/v1/consumers");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        for (JsonNode consumer : all.json()) {
            if (consumer.get("name").asText().equals(name)) {
                return consumer;
            }
        }
        throw new AssertionError("no consumer " + name + " in " + all.body());
    }

    private static HistoryEntry deleted(UUID id) {
        return HistoryEntry.of(EntityType.CUSTOMER, id, 1, HistoryAction.DELETED, HistoryActor.SERVER);
    }

    private static List<UUID> ids(RecordingConsumer recorder) {
        return recorder.handled.stream().map(ChangeFeed.Row::entityId).toList();
    }

    /** Ends the connections of another server instance, as PostgreSQL does when that process dies. */
    private static void terminate(VenueDeskServer via, String applicationName) throws Exception {
        try (Connection c = via.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     + " WHERE application_name = ? AND datname = current_database()")) {
            s.setString(1, applicationName);
            s.executeQuery().close();
        }
    }

    private static long count(VenueDeskServer server, String sql) throws Exception {
        try (Connection c = server.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    /** One sample of the server's /metrics, by its name and labels as Prometheus prints them; -1 when absent. */
    static double metric(VenueDeskServer server, String sample) {
        String text = new ApiClient(server.baseUri()).get("/metrics").body();
        for (String line : text.split("\n")) {
            if (line.startsWith(sample + " ")) {
                return Double.parseDouble(line.substring(sample.length() + 1).trim());
            }
        }
        return -1;
    }

    static void awaitMetric(VenueDeskServer server, String sample, double value) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (metric(server, sample) != value) {
            if (System.nanoTime() > deadline) {
                String family = sample.contains("{") ? sample.substring(0, sample.indexOf('{')) : sample;
                String text = new ApiClient(server.baseUri()).get("/metrics").body();
                throw new AssertionError(sample + " is not " + value + " within 30 s; /metrics has:\n"
                        + java.util.Arrays.stream(text.split("\n")).filter(l -> l.startsWith(family.substring(0, 15)))
                        .collect(java.util.stream.Collectors.joining("\n")));
            }
            Thread.sleep(50);
        }
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
