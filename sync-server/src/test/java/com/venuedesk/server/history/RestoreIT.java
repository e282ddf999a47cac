package com.venuedesk.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.model.domain.Role;
import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.LocalCluster;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What IT does from README's back-up advice, on real PostgreSQL clusters: {@code pg_dump} of a running venue,
 * {@code pg_restore} into a new cluster (whose transaction ids start lower than the old one's), the server started
 * on it. Desks that synced before the back-up read on and get every change made after the restore; a new desk gets
 * the whole venue; a desk that had seen changes the back-up does not hold is told to start again.
 */
class RestoreIT {

    @Test
    void afterARestoreIntoANewClusterEveryDeskGetsEveryLaterChangeAndADeskPastTheBackUpIsToldToStartAgain(
            @TempDir Path dir) {
        try (LocalCluster old = LocalCluster.start(); LocalCluster fresh = LocalCluster.start()) {
            old.createDatabase("venue");
            old.burnTransactionIds("venue", 3_000);
            Path dump = old.scratch().resolve("venue.dump");
            String beforeBackUp;
            String pastBackUp;
            String roomId;
            String guestId;
            try (VenueDeskServer original = VenueDeskServer.start(config(dir.resolve("a"), old.url("venue")))) {
                Venue venue = new Venue(original);
                roomId = venue.resource("Room A");
                guestId = venue.customer("Ada Lovelace");
                for (int hour = 9; hour < 15; hour++) {
                    book(venue.admin, roomId, guestId, hour);
                }
                ApiClient desk = venue.staff("dana", Role.FRONT_DESK);
                beforeBackUp = pullAll(desk, null).cursor;

                old.dump("venue", dump);

                book(venue.admin, roomId, guestId, 16);
                pastBackUp = pullUntil(desk, beforeBackUp, p -> !p.ids.isEmpty()).cursor;
                assertThat(pastBackUp).isNotEqualTo(beforeBackUp);
            }

            fresh.restore(dump, "venue");
            try (VenueDeskServer restored = VenueDeskServer.start(config(dir.resolve("b"), fresh.url("venue")))) {
                assertThat(restored.history().log().epoch()).as("the restored log begins a new epoch").isEqualTo(2);
                Venue venue = new Venue(restored);
                ApiClient desk = venue.anonymous.login("dana", "dana-password");
                String afterRestore = book(venue.admin, roomId, guestId, 17);
                String customerAfter = venue.customer("Grace Hopper");

                Pulled readOn = pullUntil(desk, beforeBackUp, p -> p.ids.contains(customerAfter));
                assertThat(readOn.ids).as("a desk from before the back-up gets what was made after the restore")
                        .contains(afterRestore, customerAfter);

                Pulled whole = pullUntil(desk, null, p -> p.ids.contains(customerAfter));
                assertThat(whole.ids).as("a new desk gets the whole venue")
                        .contains(roomId, guestId, afterRestore, customerAfter).hasSize(2 + 6 + 1 + 1);

                ApiClient.Reply refused = desk.get("/api/v1/sync/pull?since=" + pastBackUp);
                assertThat(refused.status()).as(refused.body()).isEqualTo(410);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.json().get("type").asText()).endsWith("/cursor-reset");
                assertThat(refused.json().get("field").asText()).isEqualTo("since");

                assertThat(pullAll(desk, readOn.cursor).ids).as("and reads on from there").isEmpty();
                String later = book(venue.admin, roomId, guestId, 18);
                assertThat(pullUntil(desk, readOn.cursor, p -> !p.ids.isEmpty()).ids).containsExactly(later);
            }

            try (VenueDeskServer again = VenueDeskServer.start(config(dir.resolve("c"), fresh.url("venue")))) {
                assertThat(again.history().log().epoch()).as("a restart on the same cluster keeps the epoch").isEqualTo(2);
            }
        }
    }

    @Test
    void aCursorOfAnotherVenueDatabaseIsToldToStartAgain(@TempDir Path dir) {
        try (VenueDeskServer one = ServerUnderTest.start(ServerUnderTest.Db.H2, dir.resolve("one"));
             VenueDeskServer other = ServerUnderTest.start(ServerUnderTest.Db.H2, dir.resolve("other"))) {
            Venue first = new Venue(one);
            first.customer("Ada Lovelace");
            String cursor = pullAll(first.admin, null).cursor;
            ApiClient.Reply refused = new Venue(other).admin.get("/api/v1/sync/pull?since=" + cursor);
            assertThat(refused.status()).as(refused.body()).isEqualTo(410);
            assertThat(refused.json().get("type").asText()).endsWith("/cursor-reset");
        }
    }

    private static ServerConfig config(Path dataDir, String url) {
        return ServerConfig.embedded(dataDir).withAdminPassword(ServerUnderTest.ADMIN_PASSWORD)
                .withDatabase(url, "postgres", "");
    }

    private static String book(ApiClient admin, String room, String guest, int hour) {
        ApiClient.Reply r = admin.post("/api/v1/bookings", Venue.booking(null, room, guest,
                String.format("2027-02-01T%02d:00:00Z", hour), String.format("2027-02-01T%02d:30:00Z", hour)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private record Pulled(Set<String> ids, String cursor) { }

    /**
     * Pulls until {@code seen} holds, for at most ten seconds. On PostgreSQL a commit becomes pullable once every
     * transaction that began before it has ended (the feed's horizon), and the server's own consumers run short
     * transactions of their own after every write; a desk simply pulls again, and so does this test.
     */
    private static Pulled pullUntil(ApiClient desk, String since, Predicate<Pulled> seen) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Pulled pulled = pullAll(desk, since);
        while (!seen.test(pulled) && System.nanoTime() < deadline) {
            sleep(50);
            pulled = pullAll(desk, since);
        }
        return pulled;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Pulled pullAll(ApiClient desk, String since) {
        Set<String> ids = new HashSet<>();
        String cursor = since;
        boolean more = true;
        while (more) {
            ApiClient.Reply r = desk.get("/api/v1/sync/pull?limit=3" + (cursor == null ? "" : "&since=" + cursor));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode page = r.json();
            page.get("changes").forEach(c -> ids.add(c.get("entityId").asText()));
            cursor = page.get("nextCursor").asText();
            more = page.get("hasMore").asBoolean();
        }
        return new Pulled(ids, cursor);
    }
}
