package com.venuedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.settings.DeskSettings;
import com.venuedesk.server.VenueDeskServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real venue's first run on the desk's embedded server: without {@code --demo} there is no demo venue and no
 * account with a known password (neither the demo's nor a generated admin's), until the venue sets itself up.
 */
class EmbeddedFirstRunIT {

    @Test
    void withoutTheDemoTheEmbeddedServerHasNoAccountUntilTheVenueSetsItselfUp(@TempDir Path home) throws Exception {
        DeskSettings settings = new DeskSettings(home, Optional.empty(), Locale.ENGLISH, ZoneId.of("Europe/Berlin"),
                UUID.randomUUID().toString());
        try (AppContext context = AppContext.open(settings, Clock.systemUTC(), true, false)) {
            VenueDeskServer server = context.embeddedServer().orElseThrow();
            assertThat(server.generatedAdminPassword()).isEmpty();
            assertThat(Files.exists(settings.embeddedServerDir().resolve("admin-password.txt"))).isFalse();
            assertThat(post(server.baseUri(), "/api/v1/auth/login",
                    "{\"username\":\"desk\",\"password\":\"desk-password\"}").statusCode()).isEqualTo(401);
            assertThat(get(server.baseUri(), "/api/v1/setup").body()).contains("\"needed\":true");
            assertThat(post(server.baseUri(), "/api/v1/setup", "{\"venueName\":\"Hall 7\",\"timeZone\":\"Europe/Berlin\","
                    + "\"username\":\"maria\",\"password\":\"chosen-by-maria-1\"}").statusCode()).isEqualTo(201);
            assertThat(post(server.baseUri(), "/api/v1/auth/login",
                    "{\"username\":\"maria\",\"password\":\"chosen-by-maria-1\"}").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theDesksClientAsksWhetherSetupIsNeededAndGetsTheRefusedField(@TempDir Path home) {
        DeskSettings settings = new DeskSettings(home, Optional.empty(), Locale.ENGLISH, ZoneId.of("Europe/Berlin"),
                UUID.randomUUID().toString());
        try (AppContext context = AppContext.open(settings, Clock.systemUTC(), true, false)) {
            VenueDeskServer server = context.embeddedServer().orElseThrow();
            com.venuedesk.desk.sync.SyncClient client = new com.venuedesk.desk.sync.SyncClient(server.baseUri().toString());
            assertThat(client.venueNeedsSetup()).isTrue();
            java.util.Map<String, String> setup = new java.util.HashMap<>(java.util.Map.of("venueName", "Hall 7",
                    "timeZone", "Mars/Olympus", "username", "maria", "password", "chosen-by-maria-1"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.setUpVenue(setup))
                    .isInstanceOfSatisfying(com.venuedesk.desk.sync.ProblemException.class,
                            e -> assertThat(e.problem().field()).isEqualTo("timeZone"));
            setup.put("timeZone", "Europe/Berlin");
            client.setUpVenue(setup);
            assertThat(client.venueNeedsSetup()).isFalse();
            client.close();
        }
    }

    private static HttpResponse<String> post(URI base, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(URI base, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
