package com.venuedesk.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.Role;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.history.Cursor;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** GET /api/v1/sync/events: a desk hears of a commit within about a second. */
class ChangeEventsIT {

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aListeningDeskHearsOfABookingCreatedOverRestWithinASecond(ServerUnderTest.Db db, @TempDir Path dir)
            throws Exception {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");
            ApiClient staff = venue.staff("desk1", Role.FRONT_DESK);
            String token = venue.anonymous.post("/api/v1/auth/login",
                    "{\"username\":\"desk1\",\"password\":\"desk1-password\"}").json().get("accessToken").asText();
            SyncDesk desk = new SyncDesk(staff, "desk-1");
            String before = desk.pull(null, 500).nextCursor();

            HttpClient http = HttpClient.newHttpClient();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/v1/sync/events"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> stream.body().forEach(lines::add));
            try {
                assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo(": connected");
                Thread.sleep(600); // let the stream settle on the current head
                lines.clear();

                long created = System.nanoTime();
                ApiClient.Reply booking = staff.post("/api/v1/bookings",
                        Venue.booking(null, room, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z"));
                assertThat(booking.status()).isEqualTo(201);

                String event = next(lines, "event:", Duration.ofSeconds(3));
                long elapsedMs = Duration.ofNanos(System.nanoTime() - created).toMillis();
                assertThat(event).isEqualTo("event: change");
                String data = next(lines, "data:", Duration.ofSeconds(1));
                assertThat(elapsedMs).isLessThan(1500);
                String cursor = data.replaceAll(".*\"cursor\":\"([^\"]+)\".*", "$1");
                assertThat(Cursor.parse(cursor)).isGreaterThan(Cursor.parse(before));
                PullAnswer pulled = desk.pull(before, 500);
                assertThat(pulled.nextCursor()).isEqualTo(cursor);
                assertThat(pulled.changes()).extracting(c -> c.entityId().toString())
                        .containsExactly(booking.json().get("id").asText());
            } finally {
                reader.cancel(true);
                stream.body().close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void theChangeStreamNeedsASignedInUserAndIsInTheOpenApiDocument(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            assertThat(venue.anonymous.get("/api/v1/sync/events").status()).isEqualTo(401);
            var paths = venue.anonymous.get("/openapi.json").json().get("paths");
            assertThat(paths.get("/api/v1/sync/events").get("get").get("x-min-role").asText()).isEqualTo("FRONT_DESK");
            assertThat(paths.get("/api/v1/sync/push").get("post")).isNotNull();
            assertThat(paths.get("/api/v1/sync/pull").get("get")).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aClosedServerLeavesNoThreadBehindThatWouldKeepAnEmbeddingDeskRunning(ServerUnderTest.Db db, @TempDir Path dir)
            throws Exception {
        Set<Thread> before = nonDaemonThreads();
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            venue.staff("desk1", Role.FRONT_DESK);
            String token = venue.anonymous.post("/api/v1/auth/login",
                    "{\"username\":\"desk1\",\"password\":\"desk1-password\"}").json().get("accessToken").asText();
            // a listening desk makes the server run a request asynchronously, on a pool of its own
            HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(server.baseUri() + "/api/v1/sync/events"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(stream.body().findFirst()).contains(": connected");
            stream.body().close();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Set<Thread> left = nonDaemonThreads();
        while (!before.containsAll(left) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = nonDaemonThreads();
        }
        left.removeAll(before);
        assertThat(left).extracting(Thread::getName).isEmpty();
    }

    private static Set<Thread> nonDaemonThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && !thread.isDaemon()) {
                threads.add(thread);
            }
        }
        return threads;
    }

    private static String next(BlockingQueue<String> lines, String prefix, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("no line starting with " + prefix + " within " + within);
    }
}
