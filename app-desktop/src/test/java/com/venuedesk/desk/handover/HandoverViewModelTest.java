package com.venuedesk.desk.handover;

import static com.venuedesk.desk.testing.FrontDesk.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.FrontDesk;
import com.venuedesk.desk.testing.RecordingDialogService;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Customer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandoverViewModelTest {
    @TempDir
    Path dir;

    private FrontDesk desk;
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final RecordingDialogService dialogs = RecordingDialogService.confirmingUnlessTold();
    private HandoverViewModel model;

    @BeforeEach
    void open() {
        desk = new FrontDesk(dir.resolve("store"));
        Customer ada = desk.customer("Ada Lovelace", "ada@example.com", null);
        desk.booking(desk.roomA, ada, TODAY, 10, 12, BookingStatus.CONFIRMED, null, "");
        desk.booking(desk.roomA, ada, TODAY.plusDays(1), 10, 12, BookingStatus.CONFIRMED, null, "");
        desk.sync();
        model = new HandoverViewModel(desk.bookings, tasks, dialogs, desk.messages, desk.formats, FrontDesk.CLOCK);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void itStartsOnTodayAtTheVenueAndFollowsTheChosenDay() {
        model.reload();
        assertThat(model.dayProperty().get()).isEqualTo(TODAY);
        assertThat(model.sheetProperty().get().arrivals()).hasSize(1);

        model.dayProperty().set(TODAY.plusDays(2));
        assertThat(model.sheetProperty().get().day()).isEqualTo(TODAY.plusDays(2));
        assertThat(model.sheetProperty().get().arrivals()).isEmpty();

        model.showToday();
        assertThat(model.sheetProperty().get().day()).isEqualTo(TODAY);
    }

    @Test
    void withoutAPrinterTheUserIsToldToSaveTheSheetInstead() {
        model.reload();

        model.print(() -> false);

        assertThat(dialogs.warnings).containsExactly(desk.messages.get("handover.noPrinter"));
    }

    @Test
    void savingWritesTheHtmlPageToTheChosenFile() throws Exception {
        model.reload();
        Path target = dir.resolve("handover.html");

        model.saveHtml(target);

        String page = Files.readString(target, StandardCharsets.UTF_8);
        assertThat(page).contains("Ada Lovelace", "Arrivals (1)");
        assertThat(dialogs.notifications).containsExactly(desk.messages.get("handover.savedTo", target.toString()));
        assertThat(model.suggestedFileName()).isEqualTo("handover-2026-12-01.html");
    }

    @Test
    void aFileThatCannotBeWrittenIsReportedInWords() {
        model.reload();

        model.saveHtml(dir.resolve("no-such-folder").resolve("handover.html"));

        assertThat(dialogs.errors).singleElement().asString().startsWith(desk.messages.get("handover.save") + ": ");
    }

    @Test
    void aNewLocalChangeRefreshesTheSheetThroughTheStoreListener() throws Exception {
        model.reload();
        try (AutoCloseable watch = model.watchStore()) {
            desk.bookings.upsertCustomer(new Customer(java.util.UUID.randomUUID(), "Walk In", null, null, "", 0));
        }
        assertThat(model.sheetProperty().get().outboxCount()).isEqualTo(1);
    }
}
