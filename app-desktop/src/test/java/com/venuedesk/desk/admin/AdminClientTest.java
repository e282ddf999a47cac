package com.venuedesk.desk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.desk.sync.ProblemException;
import com.venuedesk.desk.sync.ServerUnreachableException;
import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.ResourceType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminClientTest {
    static final UUID ROOM = UUID.fromString("11111111-2222-3333-4444-555555555555");
    static final String ROOM_JSON = "{\"id\":\"" + ROOM + "\",\"name\":\"Room A\",\"description\":\"\",\"type\":\"MEETING_ROOM\","
            + "\"capacity\":8,\"pricePerHour\":{\"amount\":\"40.00\",\"currency\":\"EUR\"},\"timeZone\":\"Europe/Berlin\","
            + "\"location\":{\"address\":\"Main St 1\",\"city\":\"Berlin\",\"country\":\"DE\",\"latitude\":null,\"longitude\":null},"
            + "\"amenities\":[\"projector\"],\"active\":true,\"managerId\":null,\"requiresApproval\":false,\"revision\":3}";

    private final ObjectMapper json = new ObjectMapper();
    private AdminServer server;

    @BeforeEach
    void start() throws Exception {
        server = new AdminServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void resourcesAreReadWithTheSessionsBearerToken() throws Exception {
        server.answer(200, "[" + ROOM_JSON + "]");

        List<AdminResource> resources = server.client.resources();

        assertThat(resources).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("Room A");
            assertThat(r.pricePerHour()).isEqualTo(new AdminResource.Price("40.00", "EUR"));
            assertThat(r.location().city()).isEqualTo("Berlin");
            assertThat(r.revision()).isEqualTo(3);
        });
        RecordedRequest request = server.request();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/resources");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
    }

    @Test
    void aChangedResourceIsPutWithTheRevisionReadAndKeepsWhatTheFormDoesNotShow() throws Exception {
        server.answer(200, "[" + ROOM_JSON + "]");
        AdminResource room = server.client.resources().get(0);
        server.request();
        server.answer(200, ROOM_JSON.replace("\"capacity\":8", "\"capacity\":12").replace("\"revision\":3", "\"revision\":4"));

        AdminResource saved = server.client.updateResource(new AdminResource(room.id(), room.name(), room.description(), room.type(),
                12, room.pricePerHour(), room.timeZone(), room.location(), room.amenities(), room.active(), room.managerId(), true,
                room.revision()));

        assertThat(saved.revision()).isEqualTo(4);
        RecordedRequest put = server.request();
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getUrl().encodedPath()).isEqualTo("/api/v1/resources/" + ROOM);
        JsonNode body = json.readTree(put.getBody().utf8());
        assertThat(body.path("capacity").asInt()).isEqualTo(12);
        assertThat(body.path("revision").asLong()).isEqualTo(3);
        assertThat(body.path("requiresApproval").asBoolean()).isTrue();
        assertThat(body.path("pricePerHour").path("amount").asText()).isEqualTo("40.00");
        assertThat(body.path("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(body.path("amenities").get(0).asText()).isEqualTo("projector");
        assertThat(body.path("location").path("city").asText()).isEqualTo("Berlin");
    }

    @Test
    void openingHoursAndBlackoutsUseTheServersShapes() throws Exception {
        UUID ruleId = UUID.randomUUID();
        server.answer(201, "{\"id\":\"" + ruleId + "\",\"resourceId\":\"" + ROOM + "\",\"dayOfWeek\":\"MONDAY\",\"startTime\":\"09:00:00\","
                + "\"endTime\":\"17:00:00\",\"available\":true,\"validFrom\":null,\"validTo\":null,\"revision\":1}");
        AvailabilityRule rule = server.client.addRule(ROOM, new AdminClient.RuleInput(DayOfWeek.MONDAY, LocalTime.of(9, 0),
                LocalTime.of(17, 0), true, null, null));
        assertThat(rule.startTime()).isEqualTo(LocalTime.of(9, 0));
        JsonNode ruleBody = json.readTree(server.request().getBody().utf8());
        assertThat(ruleBody.path("dayOfWeek").asText()).isEqualTo("MONDAY");
        assertThat(ruleBody.path("startTime").asText()).startsWith("09:00");
        assertThat(ruleBody.path("available").asBoolean()).isTrue();

        UUID blackoutId = UUID.randomUUID();
        server.answer(201, "{\"id\":\"" + blackoutId + "\",\"resourceId\":null,\"startDate\":\"2026-12-24\",\"endDate\":\"2026-12-26\","
                + "\"reason\":\"Christmas\",\"revision\":1}");
        Blackout blackout = server.client.addBlackout(new AdminClient.BlackoutInput(null, LocalDate.of(2026, 12, 24),
                LocalDate.of(2026, 12, 26), "Christmas"));
        assertThat(blackout.covers(LocalDate.of(2026, 12, 25))).isTrue();
        RecordedRequest post = server.request();
        assertThat(post.getUrl().encodedPath()).isEqualTo("/api/v1/blackouts");
        JsonNode blackoutBody = json.readTree(post.getBody().utf8());
        assertThat(blackoutBody.path("startDate").asText()).isEqualTo("2026-12-24");
        assertThat(blackoutBody.path("resourceId").isNull()).isTrue();

        server.answer(204, "");
        server.client.deleteRule(ROOM, ruleId);
        RecordedRequest delete = server.request();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getUrl().encodedPath()).isEqualTo("/api/v1/resources/" + ROOM + "/availability-rules/" + ruleId);
    }

    @Test
    void aProblemAnswerComesBackWithTheOffendingField() {
        server.answer(400, "{\"type\":\"https://venuedesk.example/problems/validation\",\"title\":\"Invalid input\",\"status\":400,"
                + "\"detail\":\"unknown time zone: Mars/Olympus\",\"field\":\"timeZone\"}");

        assertThatThrownBy(() -> server.client.createResource(new AdminResource(UUID.randomUUID(), "Room C", "", ResourceType.MEETING_ROOM,
                4, new AdminResource.Price("10.00", "EUR"), "Mars/Olympus", null, List.of(), true, null, false, 0)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.problem().field()).isEqualTo("timeZone");
                    assertThat(e.problem().message()).isEqualTo("unknown time zone: Mars/Olympus");
                });
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceThroughTheSyncClientAndTheCallRepeated() throws Exception {
        server.answer(401, "{\"title\":\"Unauthorized\",\"status\":401}");
        server.answer(200, AdminServer.LOGIN.replace("access-1", "access-2").replace("refresh-1", "refresh-2"));
        server.answer(200, "[]");

        assertThat(server.client.blackouts()).isEmpty();

        assertThat(server.request().getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
        RecordedRequest refresh = server.request();
        assertThat(refresh.getUrl().encodedPath()).isEqualTo("/api/v1/auth/refresh");
        assertThat(refresh.getBody().utf8()).contains("refresh-1");
        assertThat(server.request().getHeaders().get("Authorization")).isEqualTo("Bearer access-2");
        assertThat(server.sync.session().orElseThrow().refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void aServerThatIsGoneIsReportedAsUnreachable() {
        server.http.close();

        assertThatThrownBy(() -> server.client.resources()).isInstanceOf(ServerUnreachableException.class);
    }
}
