package com.venuedesk.desk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing out at the desk ends that sign-in on the server: its refresh token no longer renews anything. */
class SignOutRevokesIT {

    @Test
    void signingOutRevokesTheSessionsRefreshTokenOnTheServer(@TempDir Path dir) throws Exception {
        try (VenueDeskServer server = VenueDeskServer.start(ServerConfig.embedded(dir).withAdminPassword("admin-secret-1"))) {
            SyncClient client = new SyncClient(server.baseUri().toString());
            String refreshToken = client.login("admin", "admin-secret-1").refreshToken();

            Optional<String> forgotten = client.signOut();
            assertThat(forgotten).contains(refreshToken);
            assertThat(client.session()).isEmpty();
            assertThat(client.revokeSignIn(forgotten.orElseThrow())).isTrue();

            HttpResponse<String> renewal = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            server.baseUri().resolve("/api/v1/auth/refresh")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"refreshToken\":\"" + refreshToken + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(renewal.statusCode()).as(renewal.body()).isEqualTo(401);
            assertThat(client.signOut()).as("signed out already: nothing to revoke").isEmpty();
        }
    }

    @Test
    void anUnreachableServerLeavesTheDeskSignedOutWithoutAFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SyncClient client = new SyncClient("http://127.0.0.1:" + closedPort, Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(client.revokeSignIn("some-refresh-token")).isFalse();
    }
}
