package com.venuedesk.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.server.history.Cursor;
import io.javalin.Javalin;
import java.util.UUID;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ChangeEvents} over real HTTP with short intervals: change events when the head moves, heartbeats while
 * idle, and listeners that go away are dropped.
 */
class ChangeStreamIT {

    @Test
    void listenersHearHeadMovesAndHeartbeatsAndAreDroppedWhenTheyGoAway() throws Exception {
        AtomicReference<Cursor> head = new AtomicReference<>(new Cursor(1, 0, 3));
        UUID logId = UUID.randomUUID();
        try (ChangeEvents events = new ChangeEvents(head::get, logId, Duration.ofMillis(50), Duration.ofMillis(200))) {
            Javalin app = Javalin.create(cfg -> cfg.routes.addHttpHandler(HandlerType.GET, "/events",
                    new SseHandler(client -> events.connect(new SyncApi.SseStream(client))))).start("127.0.0.1", 0);
            try {
                HttpClient http = HttpClient.newHttpClient();
                BlockingQueue<String> lines = new LinkedBlockingQueue<>();
                HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + app.port() + "/events"))
                        .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
                CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> stream.body().forEach(lines::add));
                assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo(": connected");
                await(() -> events.listeners() == 1);

                assertThat(next(lines, ": heartbeat")).isEqualTo(": heartbeat");
                Cursor moved = new Cursor(1, 0, 4);
                head.set(moved);
                assertThat(next(lines, "event:")).isEqualTo("event: change");
                assertThat(next(lines, "data:")).isEqualTo("data: {\"cursor\":\"" + moved.encode(logId) + "\"}");

                reader.cancel(true);
                stream.body().close();
                await(() -> events.listeners() == 0);
            } finally {
                app.stop();
            }
        }
    }

    private static String next(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("no line starting with " + prefix);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached in 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
