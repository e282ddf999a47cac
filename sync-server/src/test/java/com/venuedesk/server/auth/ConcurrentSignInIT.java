package com.venuedesk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.MutableClock;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConcurrentSignInIT {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void twoDesksRacingWithTheSameRefreshTokenGetOneNewTokenAndTheFamilyIsThenRevoked(ServerUnderTest.Db db,
                                                                                     @TempDir Path dir) throws Exception {
        try (VenueDeskServer server = start(db, dir)) {
            ApiClient api = new ApiClient(server.baseUri());
            String token = api.post("/api/v1/auth/login", Map.of("username", "admin", "password", ServerUnderTest.ADMIN_PASSWORD))
                    .json().get("refreshToken").asText();

            List<ApiClient.Reply> replies = all(2, () -> api.post("/api/v1/auth/refresh", Map.of("refreshToken", token)));

            assertThat(replies).extracting(ApiClient.Reply::status).containsExactlyInAnyOrder(200, 401);
            ApiClient.Reply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
            ApiClient.Reply loser = replies.stream().filter(r -> r.status() == 401).findFirst().orElseThrow();
            assertThat(loser.json().get("type").asText()).endsWith("/refresh-token-reused");
            assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", winner.json().get("refreshToken").asText()))
                    .status()).as("the winner's new token belongs to the revoked family").isEqualTo(401);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void failedLoginsArrivingAtTheSameTimeAreAllCountedTowardsTheLockout(ServerUnderTest.Db db, @TempDir Path dir)
            throws Exception {
        try (VenueDeskServer server = start(db, dir)) {
            ApiClient api = new ApiClient(server.baseUri());

            List<ApiClient.Reply> replies = all(5, () -> api.post("/api/v1/auth/login",
                    Map.of("username", "admin", "password", "parallel-guess")));

            assertThat(replies).extracting(ApiClient.Reply::status).containsOnly(401, 423).contains(423);
            ApiClient.Reply right = api.post("/api/v1/auth/login",
                    Map.of("username", "admin", "password", ServerUnderTest.ADMIN_PASSWORD));
            assertThat(right.status()).isEqualTo(423);
        }
    }

    private VenueDeskServer start(ServerUnderTest.Db db, Path dir) {
        return VenueDeskServer.start(ServerUnderTest.config(db, dir).withClock(clock)
                .withAuthPolicy(AuthPolicy.defaults().withLoginRateLimit(100, Duration.ofMinutes(1))));
    }

    /** Runs the calls at once, released together by a latch, and returns every reply. */
    private static List<ApiClient.Reply> all(int parallel, Callable<ApiClient.Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<ApiClient.Reply> replies = new ArrayList<>();
            for (Future<ApiClient.Reply> f : futures) {
                replies.add(f.get(60, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
