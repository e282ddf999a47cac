package com.venuedesk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A real venue's first run: no account exists until the venue sets itself up, once, with a password it chose. */
class VenueSetupIT {
    private static final String SETUP = "{\"venueName\":\"Hall 7\",\"timeZone\":\"Europe/Berlin\","
            + "\"username\":\"maria\",\"password\":\"chosen-by-maria-1\"}";

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aServerAwaitingSetupHasNoAccountUntilTheVenueSetsItselfUpOnce(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = VenueDeskServer.start(ServerUnderTest.config(db, dir).awaitingSetup())) {
            ApiClient anonymous = new ApiClient(server.baseUri());
            assertThat(server.generatedAdminPassword()).isEmpty();
            assertThat(anonymous.post("/api/v1/auth/login",
                    "{\"username\":\"admin\",\"password\":\"" + ServerUnderTest.ADMIN_PASSWORD + "\"}").status())
                    .as("no admin with a configured password").isEqualTo(401);
            assertThat(anonymous.get("/api/v1/setup").json().get("needed").asBoolean()).isTrue();

            ApiClient.Reply done = anonymous.post("/api/v1/setup", SETUP);
            assertThat(done.status()).as(done.body()).isEqualTo(201);
            assertThat(done.json().get("timeZone").asText()).isEqualTo("Europe/Berlin");
            ApiClient maria = anonymous.login("maria", "chosen-by-maria-1");
            assertThat(maria.get("/api/v1/auth/me").json().get("role").asText()).isEqualTo("ADMIN");

            ApiClient.Reply again = anonymous.post("/api/v1/setup",
                    SETUP.replace("maria", "mallory").replace("chosen-by-mallory-1", "taken-over-1"));
            assertThat(again.status()).as(again.body()).isEqualTo(409);
            assertThat(again.contentType()).startsWith("application/problem+json");
            assertThat(anonymous.get("/api/v1/setup").json().get("needed").asBoolean()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void badSetupInputIsRefusedNamingTheFieldAndCreatesNothing(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = VenueDeskServer.start(ServerUnderTest.config(db, dir).awaitingSetup())) {
            ApiClient anonymous = new ApiClient(server.baseUri());
            assertRefused(anonymous, SETUP.replace("Hall 7", " "), "venueName");
            assertRefused(anonymous, SETUP.replace("Europe/Berlin", "Mars/Olympus"), "timeZone");
            assertRefused(anonymous, SETUP.replace("\"maria\"", "\"a b\""), "username");
            assertRefused(anonymous, SETUP.replace("chosen-by-maria-1", "short"), "password");
            assertThat(anonymous.get("/api/v1/setup").json().get("needed").asBoolean()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void ofTwoSetupsRacingOnlyOneCreatesAnAdmin(ServerUnderTest.Db db, @TempDir Path dir) throws Exception {
        try (VenueDeskServer server = VenueDeskServer.start(ServerUnderTest.config(db, dir).awaitingSetup())) {
            ApiClient anonymous = new ApiClient(server.baseUri());
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                java.util.List<java.util.concurrent.Future<Integer>> replies = new java.util.ArrayList<>();
                for (String who : java.util.List.of("maria", "mallory")) {
                    replies.add(pool.submit(() -> {
                        start.await();
                        return anonymous.post("/api/v1/setup", SETUP.replace("maria", who)).status();
                    }));
                }
                start.countDown();
                java.util.List<Integer> statuses = new java.util.ArrayList<>();
                for (java.util.concurrent.Future<Integer> reply : replies) {
                    statuses.add(reply.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            } finally {
                pool.shutdownNow();
            }
            long admins = server.database().inTransaction(session -> session.createSelectionQuery(
                    "select count(u) from UserAccount u", Long.class).getSingleResult());
            assertThat(admins).isEqualTo(1);
        }
    }

    private static void assertRefused(ApiClient client, String body, String field) {
        ApiClient.Reply reply = client.post("/api/v1/setup", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("field").asText()).isEqualTo(field);
    }
}
