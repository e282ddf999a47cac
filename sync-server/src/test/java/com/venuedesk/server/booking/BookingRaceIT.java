package com.venuedesk.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BookingRaceIT {
    private static final int DESKS = 50;

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void fiftyDesksBookingOverlappingTimesAtOnceEndWithExactlyOneBooking(ServerUnderTest.Db db, @TempDir Path dir)
            throws Exception {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            String room = venue.resource("Contested room");
            String guest = venue.customer("Ada Lovelace");

            ExecutorService pool = Executors.newFixedThreadPool(DESKS);
            CountDownLatch ready = new CountDownLatch(DESKS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ApiClient.Reply>> replies = new ArrayList<>();
            try {
                for (int i = 0; i < DESKS; i++) {
                    // every request overlaps every other: all cover 10:00-10:15 (Sunday)
                    String start = String.format("2026-12-06T09:%02d:00Z", i % 60 / 4 * 4 % 60);
                    String body = venue.admin.write(Venue.booking(UUID.randomUUID().toString(), room, guest,
                            i % 2 == 0 ? "2026-12-06T10:00:00Z" : start, "2026-12-06T10:15:00Z"));
                    replies.add(pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        return venue.admin.post("/api/v1/bookings", body);
                    }));
                }
                assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
                go.countDown();
                int created = 0;
                int conflicts = 0;
                for (Future<ApiClient.Reply> f : replies) {
                    ApiClient.Reply r = f.get(120, TimeUnit.SECONDS);
                    if (r.status() == 201) {
                        created++;
                    } else {
                        assertThat(r.status()).as(r.body()).isEqualTo(409);
                        assertThat(r.json().get("type").asText()).endsWith("/overlap");
                        assertThat(r.json().get("conflicts")).hasSize(1);
                        conflicts++;
                    }
                }
                assertThat(created).isEqualTo(1);
                assertThat(conflicts).isEqualTo(DESKS - 1);
            } finally {
                pool.shutdownNow();
            }
            ApiClient.Reply stored = venue.admin.get("/api/v1/bookings?resourceId=" + room);
            assertThat(stored.json()).hasSize(1);
            assertThat(stored.json().get(0).get("status").asText()).isEqualTo("CONFIRMED");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void tenRetriesOfOneCreateRacingEachOtherStoreOneBookingAndAllAnswerIt(ServerUnderTest.Db db, @TempDir Path dir)
            throws Exception {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");
            String id = UUID.randomUUID().toString();
            String body = venue.admin.write(Venue.booking(id, room, guest, "2026-12-06T10:00:00Z", "2026-12-06T11:00:00Z"));
            ExecutorService pool = Executors.newFixedThreadPool(10);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ApiClient.Reply>> replies = new ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) {
                    replies.add(pool.submit(() -> {
                        go.await();
                        return venue.admin.post("/api/v1/bookings", body);
                    }));
                }
                go.countDown();
                for (Future<ApiClient.Reply> f : replies) {
                    ApiClient.Reply r = f.get(120, TimeUnit.SECONDS);
                    assertThat(r.status()).as(r.body()).isEqualTo(201);
                    assertThat(r.json().get("id").asText()).isEqualTo(id);
                    assertThat(r.json().get("revision").asLong()).isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(venue.admin.get("/api/v1/bookings?resourceId=" + room).json()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void oneIdRacingOnTwoResourcesIsStoredOnceAndTheOtherContentIsToldTheIdIsInUse(ServerUnderTest.Db db, @TempDir Path dir)
            throws Exception {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            List<String> rooms = List.of(venue.resource("Room A"), venue.resource("Room B"));
            String guest = venue.customer("Ada Lovelace");
            String id = UUID.randomUUID().toString();
            ExecutorService pool = Executors.newFixedThreadPool(10);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ApiClient.Reply>> replies = new ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) {
                    String body = venue.admin.write(Venue.booking(id, rooms.get(i % 2), guest,
                            "2026-12-06T10:00:00Z", "2026-12-06T11:00:00Z"));
                    replies.add(pool.submit(() -> {
                        go.await();
                        return venue.admin.post("/api/v1/bookings", body);
                    }));
                }
                go.countDown();
                java.util.Set<String> createdOn = new java.util.HashSet<>();
                int inUse = 0;
                for (Future<ApiClient.Reply> f : replies) {
                    ApiClient.Reply r = f.get(120, TimeUnit.SECONDS);
                    if (r.status() == 201) {
                        createdOn.add(r.json().get("resourceId").asText());
                    } else {
                        assertThat(r.status()).as(r.body()).isEqualTo(409);
                        assertThat(r.json().get("type").asText()).endsWith("/id-in-use");
                        inUse++;
                    }
                }
                assertThat(createdOn).hasSize(1);
                assertThat(inUse).isEqualTo(5);
            } finally {
                pool.shutdownNow();
            }
            assertThat(venue.admin.get("/api/v1/bookings").json()).hasSize(1);
        }
    }
}
