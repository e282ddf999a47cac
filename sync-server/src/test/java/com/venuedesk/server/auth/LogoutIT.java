package com.venuedesk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * After sign-out, the access token of that sign-in is refused, not only its refresh token: at once by the server that
 * signed it out, and by every other server on the same database within {@link CurrentAccounts#RECHECK}. Before, the
 * access token kept working until it expired.
 */
class LogoutIT {
    private static final String LOGIN = "{\"username\":\"admin\",\"password\":\"" + ServerUnderTest.ADMIN_PASSWORD + "\"}";

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void afterLogoutTheAccessTokenOfThatSignInIsRefusedAndOtherSignInsGoOn(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            ApiClient anonymous = new ApiClient(server.baseUri());
            JsonNode first = anonymous.post("/api/v1/auth/login", LOGIN).json();
            JsonNode second = anonymous.post("/api/v1/auth/login", LOGIN).json();
            ApiClient signedIn = anonymous.withToken(first.get("accessToken").asText());
            ApiClient otherSignIn = anonymous.withToken(second.get("accessToken").asText());
            assertThat(signedIn.get("/api/v1/auth/me").status()).isEqualTo(200);

            ApiClient.Reply logout = anonymous.post("/api/v1/auth/logout",
                    "{\"refreshToken\":\"" + first.get("refreshToken").asText() + "\"}");
            assertThat(logout.status()).as(logout.body()).isEqualTo(204);

            ApiClient.Reply me = signedIn.get("/api/v1/auth/me");
            assertThat(me.status()).as(me.body()).isEqualTo(401);
            assertThat(me.contentType()).startsWith("application/problem+json");
            assertThat(signedIn.get("/api/v1/bookings").status()).isEqualTo(401);
            assertThat(anonymous.post("/api/v1/auth/refresh",
                    "{\"refreshToken\":\"" + first.get("refreshToken").asText() + "\"}").status()).isEqualTo(401);
            assertThat(otherSignIn.get("/api/v1/auth/me").status()).as("another sign-in of the same user").isEqualTo(200);

            JsonNode renewed = anonymous.post("/api/v1/auth/refresh",
                    "{\"refreshToken\":\"" + second.get("refreshToken").asText() + "\"}").json();
            ApiClient renewedClient = anonymous.withToken(renewed.get("accessToken").asText());
            assertThat(renewedClient.get("/api/v1/auth/me").status()).isEqualTo(200);
            anonymous.post("/api/v1/auth/logout", "{\"refreshToken\":\"" + renewed.get("refreshToken").asText() + "\"}");
            assertThat(renewedClient.get("/api/v1/auth/me").status()).as("a renewed token of a sign-in that ended").isEqualTo(401);
            assertThat(otherSignIn.get("/api/v1/auth/me").status()).as("the sign-in's earlier access token").isEqualTo(401);
        }
    }

    @Test
    void aLogoutOnOneServerIsHonouredByAnotherServerOnTheSameDatabase(@TempDir Path dir) throws Exception {
        ServerConfig config = ServerUnderTest.config(ServerUnderTest.Db.POSTGRESQL, dir);
        try (VenueDeskServer one = VenueDeskServer.start(config); VenueDeskServer two = VenueDeskServer.start(config)) {
            ApiClient viaOne = new ApiClient(one.baseUri());
            JsonNode tokens = viaOne.post("/api/v1/auth/login", LOGIN).json();
            ApiClient onOne = viaOne.withToken(tokens.get("accessToken").asText());
            ApiClient onTwo = new ApiClient(two.baseUri()).withToken(tokens.get("accessToken").asText());
            assertThat(onTwo.get("/api/v1/auth/me").status()).as("server two has checked and remembers the token").isEqualTo(200);

            assertThat(viaOne.post("/api/v1/auth/logout", "{\"refreshToken\":\"" + tokens.get("refreshToken").asText() + "\"}")
                    .status()).isEqualTo(204);
            assertThat(onOne.get("/api/v1/auth/me").status()).isEqualTo(401);

            long deadline = System.nanoTime() + CurrentAccounts.RECHECK.plus(Duration.ofSeconds(3)).toNanos();
            int status = onTwo.get("/api/v1/auth/me").status();
            while (status == 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                status = onTwo.get("/api/v1/auth/me").status();
            }
            assertThat(status).as("server two refuses the signed-out token within the recheck period").isEqualTo(401);
        }
    }
}
