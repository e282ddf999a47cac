package com.venuedesk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.MutableClock;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LoginLockoutAndRateLimitIT {
    private static final String ADMIN = ServerUnderTest.ADMIN_PASSWORD;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void loginAnswersTheDocumentedShapeWithAFifteenMinuteAccessToken(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir, AuthPolicy.defaults())) {
            ApiClient.Reply ok = login(new ApiClient(server.baseUri()), "admin", ADMIN);

            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.json().get("accessToken").asText()).isNotBlank();
            assertThat(ok.json().get("refreshToken").asText()).isNotBlank();
            assertThat(Instant.parse(ok.json().get("expiresAt").asText())).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
            assertThat(ok.json().at("/user/id").asText()).isNotBlank();
            assertThat(ok.json().at("/user/username").asText()).isEqualTo("admin");
            assertThat(ok.json().at("/user/role").asText()).isEqualTo("ADMIN");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void fiveFailedLoginsLockTheAccountForThirtyMinutesEvenAgainstTheRightPassword(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir, AuthPolicy.defaults())) {
            ApiClient api = new ApiClient(server.baseUri());
            for (int i = 1; i <= 4; i++) {
                ApiClient.Reply wrong = login(api, "admin", "wrong-password-" + i);
                assertThat(wrong.status()).as("failure %d", i).isEqualTo(401);
                assertThat(wrong.json().get("type").asText()).endsWith("/invalid-credentials");
            }
            ApiClient.Reply fifth = login(api, "admin", "wrong-password-5");
            assertThat(fifth.status()).isEqualTo(423);

            Instant unlocksAt = clock.instant().plus(Duration.ofMinutes(30));
            ApiClient.Reply rightButLocked = login(api, "admin", ADMIN);
            assertThat(rightButLocked.status()).isEqualTo(423);
            assertThat(rightButLocked.contentType()).startsWith("application/problem+json");
            assertThat(rightButLocked.json().get("type").asText()).endsWith("/account-locked");
            assertThat(Instant.parse(rightButLocked.json().get("lockedUntil").asText())).isEqualTo(unlocksAt);
            assertThat(rightButLocked.json().get("detail").asText()).contains("locked until " + unlocksAt);

            clock.advance(Duration.ofMinutes(29));
            assertThat(login(api, "admin", ADMIN).status()).as("one minute before unlocking").isEqualTo(423);

            clock.advance(Duration.ofMinutes(1));
            assertThat(login(api, "admin", ADMIN).status()).as("thirty minutes after the lock").isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aSuccessfulLoginStartsTheFailureCountAfresh(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir, AuthPolicy.defaults().withLoginRateLimit(100, Duration.ofMinutes(1)))) {
            ApiClient api = new ApiClient(server.baseUri());
            for (int i = 0; i < 4; i++) {
                assertThat(login(api, "admin", "nope-nope-nope").status()).isEqualTo(401);
            }
            assertThat(login(api, "admin", ADMIN).status()).isEqualTo(200);
            for (int i = 0; i < 4; i++) {
                assertThat(login(api, "admin", "nope-nope-nope").status()).isEqualTo(401);
            }
            assertThat(login(api, "admin", ADMIN).status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void anUnknownUsernameIsRefusedLikeAWrongPassword(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = start(db, dir, AuthPolicy.defaults())) {
            ApiClient.Reply unknown = login(new ApiClient(server.baseUri()), "nobody", "whatever-password");

            assertThat(unknown.status()).isEqualTo(401);
            assertThat(unknown.json().get("detail").asText()).isEqualTo("wrong username or password");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void loginAttemptsBeyondTheRateLimitAnswer429WithRetryAfterUntilTheWindowPasses(ServerUnderTest.Db db, @TempDir Path dir)
            throws Exception {
        AuthPolicy policy = AuthPolicy.defaults().withLoginRateLimit(3, Duration.ofMinutes(1));
        try (VenueDeskServer server = start(db, dir, policy)) {
            OkHttpClient http = new OkHttpClient();
            for (int i = 0; i < 3; i++) {
                try (Response r = http.newCall(loginRequest(server, "wrong-password")).execute()) {
                    assertThat(r.code()).isEqualTo(401);
                }
            }
            try (Response limited = http.newCall(loginRequest(server, ADMIN)).execute()) {
                assertThat(limited.code()).isEqualTo(429);
                assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
                assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
                assertThat(limited.body().string()).contains("too-many-login-attempts");
            }

            clock.advance(Duration.ofMinutes(1));
            try (Response again = http.newCall(loginRequest(server, ADMIN)).execute()) {
                assertThat(again.code()).isEqualTo(200);
            }
        }
    }

    private VenueDeskServer start(ServerUnderTest.Db db, Path dir, AuthPolicy policy) {
        return VenueDeskServer.start(ServerUnderTest.config(db, dir).withClock(clock).withAuthPolicy(policy));
    }

    private static ApiClient.Reply login(ApiClient api, String username, String password) {
        return api.post("/api/v1/auth/login", Map.of("username", username, "password", password));
    }

    private static Request loginRequest(VenueDeskServer server, String password) {
        String body = "{\"username\":\"admin\",\"password\":\"" + password + "\"}";
        return new Request.Builder().url(server.baseUri() + "/api/v1/auth/login")
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
    }
}
