package com.venuedesk.desk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.RecordingDialogService;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.ResourceType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardViewModelTest {
    private final DashboardFixtures.QueuedClient client = new DashboardFixtures.QueuedClient();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final Messages messages = new Messages(Locale.ENGLISH);

    private DashboardViewModel model(Path dir) {
        return new DashboardViewModel(client, new DashboardCache(dir.resolve("figures.json")), new SameThreadTaskExecutor(),
                dialogs, messages, DashboardFixtures.ZONE, () -> DashboardFixtures.RESOURCES);
    }

    @Test
    void figuresFetchedInTheBackgroundAreShownWithTheirTimeAndProgressEndsAtOne(@TempDir Path dir) {
        DashboardViewModel model = model(dir);
        client.answers.add(DashboardFixtures.venue(DashboardPeriod.LAST_30_DAYS, null));
        model.reload();

        assertThat(model.figuresProperty().get().kpis().bookingsInPeriod()).isEqualTo(171);
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.staleProperty().get()).isFalse();
        assertThat(model.emptyProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).startsWith("as of ").contains("2026").contains("10:30");
    }

    @Test
    void offlineTheLastFiguresFetchedForTheSameChoiceAreShownAsOfTheirTime(@TempDir Path dir) {
        DashboardViewModel model = model(dir);
        client.answers.add(DashboardFixtures.venue(DashboardPeriod.LAST_30_DAYS, null));
        model.reload();
        client.answers.add(null);
        model.reload();

        assertThat(model.figuresProperty().get().kpis().bookingsInPeriod()).isEqualTo(171);
        assertThat(model.staleProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).startsWith("Offline: last figures fetched, as of ");

        // a desk started again offline still has them
        DashboardViewModel restarted = model(dir);
        client.answers.add(null);
        restarted.reload();
        assertThat(restarted.figuresProperty().get()).isNotNull();
        assertThat(restarted.staleProperty().get()).isTrue();
    }

    @Test
    void offlineWithNothingKeptForTheChoiceSaysSoAndShowsNoFigures(@TempDir Path dir) {
        DashboardViewModel model = model(dir);
        client.answers.add(DashboardFixtures.venue(DashboardPeriod.LAST_30_DAYS, null));
        model.reload();
        client.answers.add(null);
        model.resourceTypeProperty().set(ResourceType.EQUIPMENT);

        assertThat(client.asked).containsExactly("LAST_30_DAYS/null", "LAST_30_DAYS/EQUIPMENT");
        assertThat(model.figuresProperty().get()).isNull();
        assertThat(model.statusProperty().get()).isEqualTo("Offline: last figures fetched, none kept yet.");
    }

    @Test
    void aVenueWithoutBookingsIsToldApart(@TempDir Path dir) {
        DashboardViewModel model = model(dir);
        client.answers.add(DashboardFixtures.emptyVenue(DashboardPeriod.LAST_7_DAYS));
        model.periodProperty().set(DashboardPeriod.LAST_7_DAYS);

        assertThat(model.emptyProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).startsWith("No bookings yet in this venue.");
        assertThat(model.csv()).contains("figure,value");
    }

    @Test
    void theCsvHoldsWhatIsShownWithFormulaCellsDefusedAndThePdfIsWritten(@TempDir Path dir) throws Exception {
        DashboardViewModel model = model(dir);
        client.answers.add(DashboardFixtures.venue(DashboardPeriod.LAST_30_DAYS, null));
        model.reload();

        Path csv = dir.resolve("dashboard.csv");
        model.exportCsv(csv);
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("Bookings,171").contains("Utilization,44.1 %");
        assertThat(text).contains("3,'=cmd|' /C calc'!A0,MEETING_ROOM,30,1200.00,EUR,0.21,1");
        assertThat(text).contains("2026-10-25,");
        assertThat(text.lines().filter(l -> l.matches("\\d,\\d+,.*"))).hasSize(168);

        Path pdf = dir.resolve("dashboard.pdf");
        model.exportPdf(pdf, List.of());
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(dialogs.notifications).containsExactly("Saved dashboard.csv", "Saved dashboard.pdf");
    }

    @Test
    void oneResourceOrOneTypeNarrowsTheFiguresAndChoosingOneClearsTheOtherWithOneFetchEach(@TempDir Path dir) {
        DashboardViewModel model = model(dir);
        model.loadResources();
        assertThat(model.resources()).extracting(Resource::name).containsExactly("Room A", "Projector");
        Resource room = model.resources().get(0);
        for (int i = 0; i < 3; i++) {
            client.answers.add(DashboardFixtures.venue(DashboardPeriod.LAST_30_DAYS, null));
        }
        model.resourceTypeProperty().set(ResourceType.EQUIPMENT);
        model.resourceProperty().set(room);

        assertThat(model.resourceTypeProperty().get()).as("one resource replaces the type").isNull();
        model.resourceTypeProperty().set(ResourceType.MEETING_ROOM);
        assertThat(model.resourceProperty().get()).as("a type replaces the resource").isNull();
        assertThat(client.asked).containsExactly("LAST_30_DAYS/EQUIPMENT", "LAST_30_DAYS/null/" + room.id(),
                "LAST_30_DAYS/MEETING_ROOM");
    }

    @Test
    void theExportStatesLeadTimeAndWhatBecameOfTheBookedMinutes(@TempDir Path dir) {
        DashboardViewModel model = model(dir);
        client.answers.add(DashboardFixtures.venue(DashboardPeriod.LAST_30_DAYS, null));
        model.reload();

        assertThat(model.csv()).contains("Average lead time,52.5 h before the start")
                .contains("Booked vs used,\"10260 min booked: 88.3 % used, 4.7 % no-show; 120 min cancelled late\"");
    }
}
