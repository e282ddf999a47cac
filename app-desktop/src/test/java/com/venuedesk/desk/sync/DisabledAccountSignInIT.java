package com.venuedesk.desk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.desk.store.CredentialCache;
import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the server says an account is disabled, the desk forgets its cached sign-in: it no longer signs in offline. */
class DisabledAccountSignInIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDisabledAccountCanNoLongerSignInOfflineFromTheDesksCache(@TempDir Path dir) throws Exception {
        URI base;
        try (VenueDeskServer server = VenueDeskServer.start(ServerConfig.embedded(dir.resolve("server"))
                .withAdminPassword("admin-secret-1"));
             DeskStore store = DeskStore.open(dir.resolve("desk"))) {
            base = server.baseUri();
            String admin = JSON.readTree(send(base, "POST", "/api/v1/auth/login", null,
                    "{\"username\":\"admin\",\"password\":\"admin-secret-1\"}").body()).get("accessToken").asText();
            String userId = JSON.readTree(send(base, "POST", "/api/v1/users", admin,
                    "{\"username\":\"sam\",\"password\":\"sams-password-1\",\"role\":\"FRONT_DESK\"}").body()).get("id").asText();
            SyncClient client = new SyncClient(base.toString(), Duration.ofSeconds(1), Duration.ofSeconds(2));
            CredentialCache cache = new CredentialCache(store);
            DeskSignIn signIn = new DeskSignIn(client, cache);
            assertThat(signIn.signIn(new Credentials("sam", "sams-password-1"))).isInstanceOf(DeskSignIn.Result.Online.class);
            assertThat(cache.verify("sam", "sams-password-1")).isPresent();

            HttpResponse<String> disabled = send(base, "PUT", "/api/v1/users/" + userId, admin, "{\"active\":false}");
            assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
            DeskSignIn.Result refused = signIn.signIn(new Credentials("sam", "sams-password-1"));
            assertThat(refused).isInstanceOf(DeskSignIn.Result.Refused.class);
            assertThat(((DeskSignIn.Result.Refused) refused).problemType()).endsWith("account-disabled");
            assertThat(cache.verify("sam", "sams-password-1")).as("the cached sign-in is forgotten").isEmpty();
            client.close();
        }
    }

    private static HttpResponse<String> send(URI base, String method, String path, String token, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
