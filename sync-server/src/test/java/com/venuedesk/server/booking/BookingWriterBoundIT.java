package com.venuedesk.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.Role;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One create that cannot be written quickly (its resource's row is locked by another transaction, as a long sync
 * push or a reschedule would) must not hold the booking writer: creates on other resources are answered within the
 * bound (writer lock wait 1 s + hand back after 1 s, asserted below 4 s), and the slow one is written once the lock
 * is free.
 */
class BookingWriterBoundIT {
    private static final Duration HELD = Duration.ofSeconds(6);
    private static final Duration BOUND = Duration.ofSeconds(4);

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aCreateWaitingForALockedResourceDoesNotDelayCreatesOnOtherResources(ServerUnderTest.Db db, @TempDir Path dir)
            throws Exception {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            ApiClient desk = venue.staff("desk", Role.FRONT_DESK);
            String locked = venue.resource("Hall");
            String roomB = venue.resource("Room B");
            String roomC = venue.resource("Room C");
            String guest = venue.customer("Ada Lovelace");
            ExecutorService callers = Executors.newFixedThreadPool(3);
            try (Connection holder = server.database().dataSource().getConnection()) {
                holder.setAutoCommit(false);
                try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM resource WHERE id = ? FOR UPDATE")) {
                    lock.setObject(1, UUID.fromString(locked));
                    try (ResultSet rows = lock.executeQuery()) {
                        assertThat(rows.next()).isTrue();
                    }
                }
                long lockedAt = System.nanoTime();
                Future<ApiClient.Reply> slow = callers.submit(() -> desk.post("/api/v1/bookings",
                        Venue.booking(null, locked, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z")));
                Thread.sleep(200); // the slow create is in the writer, waiting for the lock
                long sent = System.nanoTime();
                List<Future<ApiClient.Reply>> others = List.of(
                        callers.submit(() -> desk.post("/api/v1/bookings",
                                Venue.booking(null, roomB, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z"))),
                        callers.submit(() -> desk.post("/api/v1/bookings",
                                Venue.booking(null, roomC, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z"))));
                for (Future<ApiClient.Reply> other : others) {
                    ApiClient.Reply reply = other.get(HELD.toSeconds() + 10, TimeUnit.SECONDS);
                    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
                }
                Duration othersTook = Duration.ofNanos(System.nanoTime() - sent);
                assertThat(othersTook).as("creates on other resources wait at most the bound").isLessThan(BOUND);
                assertThat(slow.isDone()).as("the create on the locked resource still waits for its lock").isFalse();

                Thread.sleep(Math.max(0, HELD.toMillis() - Duration.ofNanos(System.nanoTime() - lockedAt).toMillis()));
                holder.rollback();
                ApiClient.Reply slowReply = slow.get(20, TimeUnit.SECONDS);
                assertThat(slowReply.status()).as("written once the lock is free: " + slowReply.body()).isEqualTo(201);
            } finally {
                callers.shutdownNow();
            }
            assertThat(desk.get("/api/v1/bookings?from=2026-12-06T00:00:00Z&to=2026-12-07T00:00:00Z").json()).hasSize(3);
        }
    }
}
