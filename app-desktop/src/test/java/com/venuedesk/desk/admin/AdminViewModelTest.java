package com.venuedesk.desk.admin;

import static com.venuedesk.desk.admin.AdminClientTest.ROOM;
import static com.venuedesk.desk.admin.AdminClientTest.ROOM_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.RecordingDialogService;
import com.venuedesk.model.domain.ResourceType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminViewModelTest {
    private final Messages messages = new Messages(Locale.ENGLISH);
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final RecordingDialogService dialogs = RecordingDialogService.confirmingUnlessTold();
    private final AtomicInteger syncsRequested = new AtomicInteger();
    private AdminServer server;
    private AdminViewModel model;

    @BeforeEach
    void start() throws Exception {
        server = new AdminServer();
        model = new AdminViewModel(server.client, tasks, dialogs, messages, ZoneId.of("Europe/Berlin"), syncsRequested::incrementAndGet);
        server.answer(200, "[" + ROOM_JSON + "]");
        server.answer(200, "[{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"resourceId\":null,\"startDate\":\"2026-12-24\","
                + "\"endDate\":\"2026-12-26\",\"reason\":\"Christmas\",\"revision\":1}]");
        model.reload();
        server.request();
        server.request();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void reloadingShowsTheServersResourcesAndBlackouts() {
        assertThat(model.resources()).extracting(AdminResource::name).containsExactly("Room A");
        assertThat(model.blackouts()).singleElement().satisfies(b -> assertThat(model.blackoutScope(b)).isEqualTo("Whole venue"));
        assertThat(model.noticeProperty().get()).isEmpty();
    }

    @Test
    void choosingAResourceFillsTheFormAndLoadsItsOpeningHours() throws Exception {
        server.answer(200, "[{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"resourceId\":\"" + ROOM + "\",\"dayOfWeek\":\"TUESDAY\","
                + "\"startTime\":\"08:00:00\",\"endTime\":\"20:00:00\",\"available\":true,\"validFrom\":null,\"validTo\":null,\"revision\":2}]");

        model.selectedProperty().set(model.resources().get(0));

        assertThat(model.nameProperty().get()).isEqualTo("Room A");
        assertThat(model.capacityProperty().get()).isEqualTo("8");
        assertThat(model.priceProperty().get()).isEqualTo("40.00");
        assertThat(model.timeZoneProperty().get()).isEqualTo("Europe/Berlin");
        assertThat(model.rules()).singleElement().satisfies(r -> assertThat(r.dayOfWeek()).isEqualTo(DayOfWeek.TUESDAY));
        assertThat(server.request().getUrl().encodedPath()).isEqualTo("/api/v1/resources/" + ROOM + "/availability-rules");
    }

    @Test
    void theServersFieldErrorAppearsNextToThatFieldAndNoSyncIsRequested() {
        model.newResource();
        model.nameProperty().set("Hall");
        model.typeProperty().set(ResourceType.VENUE);
        model.capacityProperty().set("200");
        model.priceProperty().set("150");
        server.answer(400, "{\"title\":\"Invalid input\",\"status\":400,\"detail\":\"a resource named Hall exists already\",\"field\":\"name\"}");

        model.saveResource();

        assertThat(model.errorProperty("name").get()).isEqualTo("a resource named Hall exists already");
        assertThat(model.errorProperty("capacity").get()).isEmpty();
        assertThat(syncsRequested).hasValue(0);
    }

    @Test
    void theResourceRulesAreCheckedBeforeAnythingIsSent() {
        model.newResource();
        model.nameProperty().set("Hall");
        model.capacityProperty().set("0");

        model.saveResource();
        assertThat(model.errorProperty("capacity").get()).isEqualTo("capacity must be at least 1");

        model.capacityProperty().set("10");
        model.currencyProperty().set("XYZ");
        model.saveResource();
        assertThat(model.errorProperty("pricePerHour.currency").get()).contains("unknown currency");

        model.currencyProperty().set("EUR");
        model.timeZoneProperty().set("Mars/Olympus");
        model.saveResource();
        assertThat(model.errorProperty("timeZone").get()).contains("unknown time zone");
        assertThat(server.http.getRequestCount()).as("login and the two reloads only").isEqualTo(3);
    }

    @Test
    void aNewResourceIsPostedAndASyncIsRequestedSoTheCalendarSeesIt() throws Exception {
        model.newResource();
        model.nameProperty().set("Hall");
        model.typeProperty().set(ResourceType.VENUE);
        model.capacityProperty().set("200");
        model.priceProperty().set("150,5");
        model.requiresApprovalProperty().set(true);
        server.answer(201, ROOM_JSON.replace("Room A", "Hall").replace(ROOM.toString(), "22222222-2222-3333-4444-555555555555"));
        server.answer(200, "[]");

        model.saveResource();

        JsonNode body = new ObjectMapper().readTree(server.request().getBody().utf8());
        assertThat(server.request().getUrl().encodedPath()).as("the new resource is shown with its opening hours")
                .isEqualTo("/api/v1/resources/22222222-2222-3333-4444-555555555555/availability-rules");
        assertThat(body.path("name").asText()).isEqualTo("Hall");
        assertThat(body.path("type").asText()).isEqualTo("VENUE");
        assertThat(body.path("pricePerHour").path("amount").asText()).isEqualTo("150.50");
        assertThat(body.path("pricePerHour").path("currency").asText()).isEqualTo("EUR");
        assertThat(body.path("requiresApproval").asBoolean()).isTrue();
        assertThat(syncsRequested).hasValue(1);
        assertThat(model.resources()).extracting(AdminResource::name).containsExactlyInAnyOrder("Room A", "Hall");
        assertThat(dialogs.notifications).containsExactly(messages.get("admin.resourceSaved", "Hall"));
    }

    @Test
    void aBlackoutWithItsEndBeforeItsStartIsRefusedAtTheEndDateField() {
        model.blackoutStartProperty().set(LocalDate.of(2027, 1, 10));
        model.blackoutEndProperty().set(LocalDate.of(2027, 1, 2));

        model.addBlackout();

        assertThat(model.errorProperty("endDate").get()).isEqualTo("endDate must not be before startDate");
    }

    @Test
    void whenTheServerCannotBeReachedTheScreenSaysAdminNeedsAConnection() {
        server.http.close();
        model.blackoutStartProperty().set(LocalDate.of(2027, 1, 1));
        model.blackoutEndProperty().set(LocalDate.of(2027, 1, 1));

        model.addBlackout();

        assertThat(model.onlineProperty().get()).isFalse();
        assertThat(model.noticeProperty().get()).isEqualTo(messages.get("admin.offline"));
        assertThat(syncsRequested).hasValue(0);

        model.addRule();
        assertThat(model.noticeProperty().get()).isNotEmpty();
    }
}
