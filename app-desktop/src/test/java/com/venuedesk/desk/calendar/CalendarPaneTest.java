package com.venuedesk.desk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.RecordingDialogService;
import com.venuedesk.desk.testing.Venue;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real CalendarPane (CalendarFX under Monocle) on a real local store. */
@ExtendWith(ApplicationExtension.class)
class CalendarPaneTest {
    private Venue venue;
    private CalendarViewModel model;
    private CalendarPane pane;
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        venue = new Venue(Files.createTempDirectory("calendar-pane"));
        Messages messages = new Messages(Locale.ENGLISH);
        model = new CalendarViewModel(venue.bookings, new SameThreadTaskExecutor(), new RecordingDialogService(), messages,
                new VenueFormats(Venue.BERLIN, Locale.GERMANY), Venue.CLOCK, request -> { });
        pane = new CalendarPane(model, messages, true);
        // JavaFX hands exceptions thrown in listeners to the thread's handler: CalendarFX's complaints land here
        Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> uncaught.add(failure));
        stage.setScene(new Scene(pane, 1000, 700));
        stage.show();
        model.reload();
    }

    @AfterEach
    void close() {
        venue.close();
    }

    private void inFx(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void movingThroughTheDaysInEveryLayoutRaisesNoErrorInsideTheCalendar() {
        for (CalendarMode mode : List.of(CalendarMode.RESOURCES, CalendarMode.WEEK, CalendarMode.DAY, CalendarMode.MONTH,
                CalendarMode.RESOURCES)) {
            inFx(() -> model.modeProperty().set(mode));
            inFx(model::next);
            inFx(model::next);
            inFx(model::previous);
            inFx(model::today);
        }

        assertThat(uncaught).isEmpty();
    }

    @Test
    void theResourceViewHiddenWhileTheWeekWasShownShowsTheDaysBookingsOnceOpened(FxRobot robot) {
        inFx(() -> model.modeProperty().set(CalendarMode.WEEK));
        assertThat(pane.entriesOf(venue.roomA.id())).extracting(e -> e.getTitle()).containsExactly("Ada Lovelace");

        inFx(() -> model.modeProperty().set(CalendarMode.RESOURCES));

        java.util.Set<Node> bookings = robot.lookup(".booking").queryAll();
        assertThat(bookings.stream().filter(CalendarPaneTest::showing).count()).isPositive();
        assertThat(uncaught).isEmpty();
    }

    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
