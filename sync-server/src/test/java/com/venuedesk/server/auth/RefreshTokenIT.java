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
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RefreshTokenIT {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void everyRefreshHandsOutANewRefreshTokenAndAWorkingAccessToken(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir)) {
            ApiClient api = new ApiClient(server.baseUri());
            JsonNode tokens = signIn(api);
            Set<String> seen = new HashSet<>(Set.of(tokens.get("refreshToken").asText()));
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofMinutes(10));
                ApiClient.Reply refreshed = refresh(api, tokens.get("refreshToken").asText());
                assertThat(refreshed.status()).isEqualTo(200);
                tokens = refreshed.json();
                assertThat(seen.add(tokens.get("refreshToken").asText())).as("refresh token %d is new", i + 1).isTrue();
                assertThat(Instant.parse(tokens.get("expiresAt").asText())).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
                assertThat(tokens.at("/user/username").asText()).isEqualTo("admin");
                assertThat(tokens.at("/user/role").asText()).isEqualTo("ADMIN");
                ApiClient.Reply me = api.withToken(tokens.get("accessToken").asText()).get("/api/v1/auth/me");
                assertThat(me.status()).isEqualTo(200);
                assertThat(me.json().get("username").asText()).isEqualTo("admin");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void reusingASpentRefreshTokenRevokesItsWholeFamilyButNotOtherSignIns(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir)) {
            ApiClient api = new ApiClient(server.baseUri());
            String first = signIn(api).get("refreshToken").asText();
            String otherDesk = signIn(api).get("refreshToken").asText();
            String second = refresh(api, first).json().get("refreshToken").asText();
            String newest = refresh(api, second).json().get("refreshToken").asText();

            ApiClient.Reply reused = refresh(api, first);
            assertThat(reused.status()).isEqualTo(401);
            assertThat(reused.contentType()).startsWith("application/problem+json");
            assertThat(reused.json().get("type").asText()).isEqualTo("https://venuedesk.dev/problems/refresh-token-reused");
            assertThat(reused.json().get("detail").asText()).contains("sign in again");

            ApiClient.Reply newestAfterReuse = refresh(api, newest);
            assertThat(newestAfterReuse.status()).as("the newest token of the family is revoked too").isEqualTo(401);
            assertThat(newestAfterReuse.json().get("type").asText()).endsWith("/invalid-refresh-token");

            assertThat(refresh(api, otherDesk).status()).as("another sign-in is untouched").isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void signingOutRevokesTheRefreshTokenAndItsFamily(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir)) {
            ApiClient api = new ApiClient(server.baseUri());
            String first = signIn(api).get("refreshToken").asText();
            String current = refresh(api, first).json().get("refreshToken").asText();

            ApiClient.Reply out = api.post("/api/v1/auth/logout", Map.of("refreshToken", current));
            assertThat(out.status()).isEqualTo(204);

            assertThat(refresh(api, current).status()).isEqualTo(401);
            assertThat(api.post("/api/v1/auth/logout", Map.of("refreshToken", "never-issued")).status())
                    .as("signing out twice or with an unknown token still succeeds").isEqualTo(204);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aDisabledUserCannotRefreshNorSignInAgain(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir)) {
            ApiClient api = new ApiClient(server.baseUri());
            ApiClient admin = api.login("admin", ServerUnderTest.ADMIN_PASSWORD);
            String id = admin.post("/api/v1/users",
                    Map.of("username", "dana", "password", "dana-desk-pass", "role", "FRONT_DESK")).json().get("id").asText();
            ApiClient.Reply dana = api.post("/api/v1/auth/login", Map.of("username", "dana", "password", "dana-desk-pass"));
            String danaRefresh = dana.json().get("refreshToken").asText();

            assertThat(admin.put("/api/v1/users/" + id, "{\"active\":false}").status()).isEqualTo(200);

            ApiClient.Reply refused = refresh(api, danaRefresh);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("type").asText()).endsWith("/account-disabled");
            ApiClient.Reply login = api.post("/api/v1/auth/login", Map.of("username", "dana", "password", "dana-desk-pass"));
            assertThat(login.status()).isEqualTo(401);
            assertThat(login.json().get("type").asText()).endsWith("/account-disabled");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void anExpiredAccessTokenIsRefusedAndARefreshGivesAWorkingOne(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir)) {
            ApiClient api = new ApiClient(server.baseUri());
            JsonNode tokens = signIn(api);
            clock.advance(Duration.ofMinutes(16));

            ApiClient.Reply expired = api.withToken(tokens.get("accessToken").asText()).get("/api/v1/auth/me");
            assertThat(expired.status()).isEqualTo(401);

            String fresh = refresh(api, tokens.get("refreshToken").asText()).json().get("accessToken").asText();
            assertThat(api.withToken(fresh).get("/api/v1/auth/me").status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aRefreshTokenUnusedForItsLifetimeExpires(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir)) {
            ApiClient api = new ApiClient(server.baseUri());
            String token = signIn(api).get("refreshToken").asText();
            clock.advance(Duration.ofDays(30));

            ApiClient.Reply expired = refresh(api, token);
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.json().get("detail").asText()).contains("expired");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aRefreshWithoutATokenIsABadRequestNamingTheField(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir)) {
            ApiClient.Reply missing = new ApiClient(server.baseUri()).post("/api/v1/auth/refresh", "{}");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().get("field").asText()).isEqualTo("refreshToken");
        }
    }

    private VenueDeskServer start(ServerUnderTest.Db db, Path dir) {
        return VenueDeskServer.start(ServerUnderTest.config(db, dir).withClock(clock));
    }

    private static JsonNode signIn(ApiClient api) {
        ApiClient.Reply r = api.post("/api/v1/auth/login", Map.of("username", "admin", "password", ServerUnderTest.ADMIN_PASSWORD));
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private static ApiClient.Reply refresh(ApiClient api, String refreshToken) {
        return api.post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken));
    }
}
