package com.venuedesk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.MutableClock;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UsersApiIT {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void anAdminCreatesListsReadsAndChangesUsersWithoutEverSeeingAPasswordHash(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir)) {
            ApiClient admin = new ApiClient(server.baseUri()).login("admin", ServerUnderTest.ADMIN_PASSWORD);

            ApiClient.Reply created = admin.post("/api/v1/users", user("dana", "dana-desk-pass", "FRONT_DESK"));
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asText();
            assertThat(created.json().get("username").asText()).isEqualTo("dana");
            assertThat(created.json().get("role").asText()).isEqualTo("FRONT_DESK");
            assertThat(created.json().get("active").asBoolean()).isTrue();

            ApiClient.Reply list = admin.get("/api/v1/users");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json()).extracting(n -> n.get("username").asText()).containsExactly("admin", "dana");

            ApiClient.Reply promoted = admin.put("/api/v1/users/" + id, "{\"role\":\"MANAGER\"}");
            assertThat(promoted.status()).isEqualTo(200);
            assertThat(promoted.json().get("role").asText()).isEqualTo("MANAGER");
            assertThat(promoted.json().get("active").asBoolean()).isTrue();

            ApiClient.Reply read = admin.get("/api/v1/users/" + id);
            assertThat(read.json().get("role").asText()).isEqualTo("MANAGER");
            for (String body : new String[] {created.body(), list.body(), promoted.body(), read.body()}) {
                assertThat(body).doesNotContainIgnoringCase("hash").doesNotContain("$2a$").doesNotContain("dana-desk-pass");
            }

            ApiClient dana = new ApiClient(server.baseUri()).login("dana", "dana-desk-pass");
            assertThat(dana.get("/api/v1/auth/me").json().get("role").asText()).isEqualTo("MANAGER");
            assertThat(admin.get("/api/v1/users/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void passwordPolicyAndInputErrorsNameTheOffendingField(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir)) {
            ApiClient admin = new ApiClient(server.baseUri()).login("admin", ServerUnderTest.ADMIN_PASSWORD);

            assertBadRequest(admin.post("/api/v1/users", user("dana", "short-pw", "FRONT_DESK")), "password", "at least 10");
            assertBadRequest(admin.post("/api/v1/users", user("reception-1", "reception-1", "FRONT_DESK")), "password",
                    "username");
            assertBadRequest(admin.post("/api/v1/users", Map.of("username", "dana", "password", "dana-desk-pass")), "role",
                    "role");
            assertBadRequest(admin.post("/api/v1/users", user("dana", "dana-desk-pass", "KING")), "role", null);
            assertBadRequest(admin.post("/api/v1/users", user("da na", "dana-desk-pass", "FRONT_DESK")), "username", null);

            String id = admin.post("/api/v1/users", user("dana", "dana-desk-pass", "FRONT_DESK")).json().get("id").asText();
            assertBadRequest(admin.post("/api/v1/users/" + id + "/password", Map.of("password", "tiny")), "password",
                    "at least 10");
            assertBadRequest(admin.get("/api/v1/users/not-a-uuid"), "id", null);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aTakenUsernameAnswers409NamingTheUsernameField(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir)) {
            ApiClient admin = new ApiClient(server.baseUri()).login("admin", ServerUnderTest.ADMIN_PASSWORD);
            assertThat(admin.post("/api/v1/users", user("dana", "dana-desk-pass", "FRONT_DESK")).status()).isEqualTo(201);

            ApiClient.Reply again = admin.post("/api/v1/users", user("dana", "another-password", "MANAGER"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.contentType()).startsWith("application/problem+json");
            assertThat(again.json().get("field").asText()).isEqualTo("username");
            assertThat(again.json().get("type").asText()).endsWith("/username-taken");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void onlyAdminsReachTheUsersApiAndBadTokensAreRefused(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir)) {
            ApiClient anonymous = new ApiClient(server.baseUri());
            ApiClient admin = anonymous.login("admin", ServerUnderTest.ADMIN_PASSWORD);
            admin.post("/api/v1/users", user("dana", "dana-desk-pass", "FRONT_DESK"));
            admin.post("/api/v1/users", user("morgan", "morgan-mgr-pass", "MANAGER"));
            ApiClient frontDesk = anonymous.login("dana", "dana-desk-pass");
            ApiClient manager = anonymous.login("morgan", "morgan-mgr-pass");

            for (ApiClient notAdmin : new ApiClient[] {frontDesk, manager}) {
                ApiClient.Reply list = notAdmin.get("/api/v1/users");
                assertThat(list.status()).isEqualTo(403);
                assertThat(list.contentType()).startsWith("application/problem+json");
                assertThat(notAdmin.post("/api/v1/users", user("eve", "eve-wants-in", "ADMIN")).status()).isEqualTo(403);
            }
            assertThat(anonymous.get("/api/v1/users").status()).isEqualTo(401);

            String adminToken = anonymous.post("/api/v1/auth/login",
                    Map.of("username", "admin", "password", ServerUnderTest.ADMIN_PASSWORD)).json().get("accessToken").asText();
            String[] parts = adminToken.split("\\.");
            String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
            assertThat(anonymous.withToken(forged).get("/api/v1/users").status()).isEqualTo(401);
            assertThat(anonymous.withToken("garbage").get("/api/v1/users").status()).isEqualTo(401);

            clock.advance(Duration.ofMinutes(15).plusSeconds(1));
            ApiClient.Reply expired = anonymous.withToken(adminToken).get("/api/v1/users");
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.json().get("type").asText()).endsWith("/unauthorized");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aChangedRoleAppliesAndADisabledAccountIsRefusedAtTheNextRequestNotWhenItsTokenExpires(ServerUnderTest.Db db,
                                                                                            @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir)) {
            ApiClient anonymous = new ApiClient(server.baseUri());
            ApiClient admin = anonymous.login("admin", ServerUnderTest.ADMIN_PASSWORD);
            String id = admin.post("/api/v1/users", user("dana", "dana-admin-pass", "ADMIN")).json().get("id").asText();
            ApiClient dana = anonymous.login("dana", "dana-admin-pass");
            assertThat(dana.get("/api/v1/users").status()).isEqualTo(200);

            assertThat(admin.put("/api/v1/users/" + id, "{\"role\":\"FRONT_DESK\"}").status()).isEqualTo(200);

            // the same access token, still signed ADMIN and minutes from expiry: refused as the FRONT_DESK she now is
            ApiClient.Reply demoted = dana.get("/api/v1/users");
            assertThat(demoted.status()).isEqualTo(403);
            assertThat(demoted.json().get("detail").asText()).contains("you are FRONT_DESK");
            assertThat(dana.get("/api/v1/auth/me").status()).isEqualTo(200);

            assertThat(admin.put("/api/v1/users/" + id, "{\"active\":false}").status()).isEqualTo(200);

            ApiClient.Reply disabled = dana.get("/api/v1/auth/me");
            assertThat(disabled.status()).isEqualTo(401);
            assertThat(disabled.contentType()).startsWith("application/problem+json");
            assertThat(disabled.json().get("detail").asText()).contains("disabled");
            assertThat(admin.get("/api/v1/users").status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void anAdminPasswordResetLiftsALockoutAndEndsTheUsersSessions(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir)) {
            ApiClient anonymous = new ApiClient(server.baseUri());
            ApiClient admin = anonymous.login("admin", ServerUnderTest.ADMIN_PASSWORD);
            String id = admin.post("/api/v1/users", user("dana", "dana-desk-pass", "FRONT_DESK")).json().get("id").asText();
            String danaRefresh = anonymous.post("/api/v1/auth/login", Map.of("username", "dana", "password", "dana-desk-pass"))
                    .json().get("refreshToken").asText();
            for (int i = 0; i < 5; i++) {
                anonymous.post("/api/v1/auth/login", Map.of("username", "dana", "password", "guessing-" + i));
            }
            assertThat(admin.get("/api/v1/users/" + id).json().get("lockedUntil").asText())
                    .isEqualTo(clock.instant().plus(Duration.ofMinutes(30)).toString());

            ApiClient.Reply reset = admin.post("/api/v1/users/" + id + "/password", Map.of("password", "fresh-start-pass"));
            assertThat(reset.status()).isEqualTo(204);

            assertThat(admin.get("/api/v1/users/" + id).json().get("lockedUntil").isNull()).isTrue();
            assertThat(anonymous.post("/api/v1/auth/refresh", Map.of("refreshToken", danaRefresh)).status()).isEqualTo(401);
            assertThat(anonymous.post("/api/v1/auth/login", Map.of("username", "dana", "password", "dana-desk-pass")).status())
                    .isEqualTo(401);
            assertThat(anonymous.post("/api/v1/auth/login", Map.of("username", "dana", "password", "fresh-start-pass")).status())
                    .isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aSignedInUserChangesTheirOwnPasswordOnlyWithTheCurrentOne(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir)) {
            ApiClient anonymous = new ApiClient(server.baseUri());
            anonymous.login("admin", ServerUnderTest.ADMIN_PASSWORD)
                    .post("/api/v1/users", user("dana", "dana-desk-pass", "FRONT_DESK"));
            JsonNode session = anonymous.post("/api/v1/auth/login",
                    Map.of("username", "dana", "password", "dana-desk-pass")).json();
            ApiClient dana = anonymous.withToken(session.get("accessToken").asText());

            assertBadRequest(dana.post("/api/v1/auth/password",
                    Map.of("currentPassword", "not-my-password", "newPassword", "a-better-password")), "currentPassword", "wrong");
            assertBadRequest(dana.post("/api/v1/auth/password",
                    Map.of("currentPassword", "dana-desk-pass", "newPassword", "short")), "newPassword", "at least 10");
            assertThat(anonymous.post("/api/v1/auth/password",
                    Map.of("currentPassword", "dana-desk-pass", "newPassword", "a-better-password")).status()).isEqualTo(401);

            ApiClient.Reply changed = dana.post("/api/v1/auth/password",
                    Map.of("currentPassword", "dana-desk-pass", "newPassword", "a-better-password"));
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.json().get("refreshToken").asText()).isNotEqualTo(session.get("refreshToken").asText());

            assertThat(anonymous.post("/api/v1/auth/refresh", Map.of("refreshToken", session.get("refreshToken").asText()))
                    .status()).as("the session from before the change has ended").isEqualTo(401);
            assertThat(anonymous.post("/api/v1/auth/refresh", Map.of("refreshToken", changed.json().get("refreshToken").asText()))
                    .status()).isEqualTo(200);
            assertThat(anonymous.post("/api/v1/auth/login", Map.of("username", "dana", "password", "dana-desk-pass")).status())
                    .isEqualTo(401);
            assertThat(anonymous.post("/api/v1/auth/login", Map.of("username", "dana", "password", "a-better-password")).status())
                    .isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void theLastActiveAdminCanNeitherBeDemotedNorDisabled(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir)) {
            ApiClient admin = new ApiClient(server.baseUri()).login("admin", ServerUnderTest.ADMIN_PASSWORD);
            String adminId = admin.get("/api/v1/auth/me").json().get("id").asText();

            ApiClient.Reply demote = admin.put("/api/v1/users/" + adminId, "{\"role\":\"MANAGER\"}");
            assertThat(demote.status()).isEqualTo(409);
            assertThat(demote.json().get("type").asText()).endsWith("/last-admin");
            assertThat(admin.put("/api/v1/users/" + adminId, "{\"active\":false}").status()).isEqualTo(409);

            admin.post("/api/v1/users", user("second-admin", "second-admin-pass", "ADMIN"));
            assertThat(admin.put("/api/v1/users/" + adminId, "{\"role\":\"MANAGER\"}").status()).isEqualTo(200);
        }
    }

    private VenueDeskServer start(ServerUnderTest.Db db, Path dir) {
        return VenueDeskServer.start(ServerUnderTest.config(db, dir).withClock(clock)
                .withAuthPolicy(AuthPolicy.defaults().withLoginRateLimit(100, Duration.ofMinutes(1))));
    }

    private static Map<String, String> user(String username, String password, String role) {
        return Map.of("username", username, "password", password, "role", role);
    }

    private static void assertBadRequest(ApiClient.Reply reply, String field, String detailPart) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("field").asText()).isEqualTo(field);
        if (detailPart != null) {
            assertThat(reply.json().get("detail").asText()).contains(detailPart);
        }
    }
}
