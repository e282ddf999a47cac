package com.venuedesk.desk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.sync.ProblemException;
import com.venuedesk.desk.sync.SyncClient;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.RecordingDialogService;
import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.ResourceType;
import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin client and screen model against the real sync server (embedded H2, real HTTP), signed in as admin. */
class AdminClientIT {
    private static final String PASSWORD = "admin-password-for-tests";

    @TempDir
    Path dir;

    private VenueDeskServer server;
    private SyncClient sync;
    private AdminClient client;

    @BeforeEach
    void startServerAndSignIn() {
        server = VenueDeskServer.start(ServerConfig.embedded(dir).withAdminPassword(PASSWORD));
        sync = new SyncClient(server.baseUri().toString());
        sync.login("admin", PASSWORD);
        client = new AdminClient(sync);
    }

    @AfterEach
    void stop() {
        sync.close();
        server.close();
    }

    private static AdminResource room(String name, int capacity) {
        return new AdminResource(UUID.randomUUID(), name, "", ResourceType.MEETING_ROOM, capacity,
                new AdminResource.Price("40.00", "EUR"), "Europe/Berlin", null, List.of(), true, null, false, 0);
    }

    @Test
    void aResourceIsCreatedChangedWithItsRevisionAndAStaleChangeIsRefused() {
        AdminResource created = client.createResource(room("Room Aurora", 8));
        assertThat(created.revision()).isEqualTo(1);
        assertThat(client.resources()).extracting(AdminResource::id).contains(created.id());

        AdminResource bigger = new AdminResource(created.id(), created.name(), created.description(), created.type(), 12,
                created.pricePerHour(), created.timeZone(), created.location(), created.amenities(), created.active(),
                created.managerId(), true, created.revision());
        AdminResource changed = client.updateResource(bigger);
        assertThat(changed.capacity()).isEqualTo(12);
        assertThat(changed.requiresApproval()).isTrue();
        assertThat(changed.revision()).isEqualTo(2);

        assertThatThrownBy(() -> client.updateResource(bigger))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(412));
    }

    @Test
    void openingHoursAndBlackoutsRoundTripThroughTheServer() {
        AdminResource created = client.createResource(room("Room Borealis", 6));

        AvailabilityRule rule = client.addRule(created.id(), new AdminClient.RuleInput(DayOfWeek.MONDAY, LocalTime.of(9, 0),
                LocalTime.of(17, 0), true, null, null));
        assertThat(client.rules(created.id())).extracting(AvailabilityRule::id).containsExactly(rule.id());
        client.deleteRule(created.id(), rule.id());
        assertThat(client.rules(created.id())).isEmpty();

        Blackout blackout = client.addBlackout(new AdminClient.BlackoutInput(null, LocalDate.of(2026, 12, 24),
                LocalDate.of(2026, 12, 26), "Christmas"));
        assertThat(client.blackouts()).extracting(Blackout::reason).contains("Christmas");
        client.deleteBlackout(blackout.id());
        assertThat(client.blackouts()).extracting(Blackout::id).doesNotContain(blackout.id());
    }

    @Test
    void theScreenModelWritesToTheRealServerAsksForSyncsAndReloadsAfterSomeoneElsesChange() {
        AtomicInteger syncs = new AtomicInteger();
        AdminViewModel model = new AdminViewModel(client, new SameThreadTaskExecutor(), RecordingDialogService.confirmingUnlessTold(),
                new Messages(Locale.ENGLISH), ZoneId.of("Europe/Berlin"), syncs::incrementAndGet);
        model.reload();
        model.newResource();
        model.nameProperty().set("Hall");
        model.capacityProperty().set("50");
        model.priceProperty().set("90");
        model.saveResource();
        assertThat(syncs).hasValue(1);
        assertThat(model.resources()).extracting(AdminResource::name).contains("Hall");

        model.selectedProperty().set(model.resources().stream().filter(r -> r.name().equals("Hall")).findFirst().orElseThrow());
        model.ruleStartProperty().set("10:00");
        model.ruleEndProperty().set("18:00");
        model.addRule();
        assertThat(model.rules()).singleElement().satisfies(r -> assertThat(r.startTime()).isEqualTo(LocalTime.of(10, 0)));
        assertThat(syncs).hasValue(2);

        AdminResource hall = model.selectedProperty().get();
        client.updateResource(new AdminResource(hall.id(), "Great Hall", hall.description(), hall.type(), hall.capacity(),
                hall.pricePerHour(), hall.timeZone(), hall.location(), hall.amenities(), hall.active(), hall.managerId(),
                hall.requiresApproval(), hall.revision()));
        model.capacityProperty().set("60");
        model.saveResource();
        assertThat(model.noticeProperty().get()).isEqualTo(new Messages(Locale.ENGLISH).get("admin.stale"));
        assertThat(model.nameProperty().get()).as("the other desk's change is shown").isEqualTo("Great Hall");
        assertThat(syncs).hasValue(2);
    }
}
