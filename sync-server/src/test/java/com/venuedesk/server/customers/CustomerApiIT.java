package com.venuedesk.server.customers;

import static com.venuedesk.server.booking.Venue.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.model.domain.Role;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CustomerApiIT {

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void theFrontDeskCreatesFindsAndCorrectsCustomers(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            ApiClient desk = venue.staff("desk", Role.FRONT_DESK);
            ApiClient.Reply ada = desk.post("/api/v1/customers",
                    Map.of("name", "Ada Lovelace", "email", "ada@example.com", "phone", "+44 20 7946 0018"));
            assertThat(ada.status()).as(ada.body()).isEqualTo(201);
            String id = ada.json().get("id").asText();
            assertThat(ada.json().get("revision").asLong()).isEqualTo(1);
            desk.post("/api/v1/customers", Map.of("name", "Grace Hopper", "email", "grace@navy.example"));
            desk.post("/api/v1/customers", Map.of("name", "Alan Turing", "phone", "+44 161 555 0101"));

            assertThat(names(desk.get("/api/v1/customers?q=LOVE").json())).containsExactly("Ada Lovelace");
            assertThat(names(desk.get("/api/v1/customers?q=navy").json())).containsExactly("Grace Hopper");
            assertThat(names(desk.get("/api/v1/customers?q=161%20555").json())).containsExactly("Alan Turing");
            assertThat(names(desk.get("/api/v1/customers?q=a").json())).hasSize(3);
            assertThat(desk.get("/api/v1/customers?q=100%25").json()).isEmpty();
            assertThat(desk.get("/api/v1/customers").json()).hasSize(3);

            assertThat(desk.get("/api/v1/customers/" + id).json().get("email").asText()).isEqualTo("ada@example.com");
            ApiClient.Reply corrected = desk.put("/api/v1/customers/" + id,
                    desk.write(Map.of("name", "Ada King", "email", "ada@example.com", "revision", 1)));
            assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
            assertThat(corrected.json().get("revision").asLong()).isEqualTo(2);
            ApiClient.Reply stale = desk.put("/api/v1/customers/" + id,
                    desk.write(Map.of("name", "Ada L.", "revision", 1)));
            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.json().at("/current/name").asText()).isEqualTo("Ada King");

            assertThat(desk.get("/api/v1/customers/" + UUID.randomUUID()).status()).isEqualTo(404);
            assertThat(desk.put("/api/v1/customers/" + UUID.randomUUID(),
                    desk.write(Map.of("name", "Nobody", "revision", 1))).status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void invalidCustomersAreRefusedWithTheFieldAndNotStored(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            ApiClient api = new Venue(server).admin;
            assertProblem(api.post("/api/v1/customers", Map.of("email", "a@b.example")), 400, "name");
            assertProblem(api.post("/api/v1/customers", Map.of("name", "Ada", "email", "not-an-address")), 400, "email");
            assertProblem(api.post("/api/v1/customers", Map.of("name", "Ada", "phone", "call me")), 400, "phone");
            assertProblem(api.post("/api/v1/customers", Map.of("name", "Ada", "id", "nope")), 400, "id");
            assertProblem(api.post("/api/v1/customers", Map.of("name", "Ada", "notes", "n".repeat(4001))), 400, "notes");
            assertProblem(api.post("/api/v1/customers", Map.of("name", "A".repeat(201))), 400, "name");
            assertThat(api.post("/api/v1/customers", "[1,2]").status()).isEqualTo(400);
            assertThat(api.get("/api/v1/customers").json()).isEmpty();
        }
    }

    private static java.util.List<String> names(JsonNode array) {
        java.util.List<String> names = new java.util.ArrayList<>();
        array.forEach(c -> names.add(c.get("name").asText()));
        return names;
    }
}
