package com.venuedesk.desk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.calendarfx.model.Entry;
import com.calendarfx.model.Interval;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.RecordingDialogService;
import com.venuedesk.desk.testing.Venue;
import com.venuedesk.model.sync.BookingAction;
import java.nio.file.Files;
import java.util.ArrayList;
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
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) throws Exception {
        venue = new Venue(Files.createTempDirectory("calendar-pane"));
        Messages messages = new Messages(Locale.ENGLISH);
        model = new CalendarViewModel(venue.bookings, new SameThreadTaskExecutor(), dialogs, messages,
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

    @Test
    void aReloadThatFindsNothingNewKeepsEveryEntryAndTheViewDrawingIt(FxRobot robot) {
        inFx(() -> model.modeProperty().set(CalendarMode.WEEK));
        Entry<?> before = pane.entriesOf(venue.roomA.id()).get(0);
        BookingEntryView drawn = shownView(robot, venue.adaInRoomA.id());

        inFx(model::reload);

        assertThat(pane.entriesOf(venue.roomA.id())).singleElement().isSameAs(before);
        assertThat(shownView(robot, venue.adaInRoomA.id())).isSameAs(drawn);
    }

    @Test
    void afterChangesTheCalendarsHoldExactlyTheStoresBookingsAndOnlyChangedOnesGetNewEntries() {
        inFx(() -> model.modeProperty().set(CalendarMode.WEEK));
        Entry<?> ada = pane.entriesOf(venue.roomA.id()).get(0);
        inFx(() -> venue.bookings.createBooking(venue.roomB.id(), venue.ada.id(), Venue.at(14, 15), ""));
        inFx(model::reload);
        Entry<?> added = pane.entriesOf(venue.roomB.id()).get(0);

        inFx(() -> model.perform(venue.adaInRoomA.id(), BookingAction.CHECK_IN));
        inFx(model::reload);

        assertThat(pane.entriesOf(venue.roomB.id())).singleElement().isSameAs(added);
        assertThat(pane.entriesOf(venue.roomA.id())).singleElement().isNotSameAs(ada)
                .extracting(e -> ((BookingEntry) e.getUserObject()).checkedIn()).isEqualTo(true);
        List<Object> held = new ArrayList<>();
        for (ResourceColumn column : model.resources()) {
            pane.entriesOf(column.resourceId()).forEach(entry -> held.add(entry.getUserObject()));
        }
        assertThat(held).containsExactlyInAnyOrderElementsOf(model.entries());
    }

    @Test
    void aSelectedBookingStaysSelectedWhenAChangeReplacesItsEntrySoTheNextShortcutStillActsOnIt(FxRobot robot) {
        inFx(() -> model.modeProperty().set(CalendarMode.WEEK));
        Entry<?> before = pane.entriesOf(venue.roomA.id()).get(0);
        inFx(() -> pane.visibleControl().select(before));
        assertThat(pane.selectedBooking()).map(BookingEntry::bookingId).contains(venue.adaInRoomA.id());

        // as a sync that brings the server's copy of the booking: a changed booking gets a new entry
        inFx(() -> venue.bookings.changeStatus(venue.adaInRoomA.id(), BookingAction.CHECK_IN, ""));
        inFx(model::reload);

        Entry<?> after = pane.entriesOf(venue.roomA.id()).get(0);
        assertThat(after).isNotSameAs(before);
        assertThat(pane.selectedBooking()).map(BookingEntry::checkedIn).contains(true);
        assertThat(pane.visibleControl().getSelections()).containsExactly(after);
    }

    @Test
    void todayAndTheNowLineAreTheVenuesOnItsClockWhateverThePcsZone() {
        java.time.LocalDateTime venueNow = java.time.LocalDateTime.ofInstant(Venue.CLOCK.instant(), Venue.BERLIN);

        for (CalendarMode mode : List.of(CalendarMode.WEEK, CalendarMode.RESOURCES)) {
            inFx(() -> model.modeProperty().set(mode));
            com.calendarfx.view.DateControl shown = pane.visibleControl();
            assertThat(shown.getToday()).isEqualTo(venueNow.toLocalDate());
            assertThat(shown.getTime()).isEqualTo(venueNow.toLocalTime());
        }
    }

    @Test
    void aDragTheStoreRefusesPutsTheKeptEntryBackAtItsTime() {
        inFx(() -> model.modeProperty().set(CalendarMode.WEEK));
        inFx(() -> venue.bookings.createBooking(venue.roomA.id(), venue.ada.id(), Venue.at(14, 15), ""));
        inFx(model::reload);
        Entry<?> ada = pane.entriesOf(venue.roomA.id()).stream()
                .filter(e -> ((BookingEntry) e.getUserObject()).bookingId().equals(venue.adaInRoomA.id())).findFirst().orElseThrow();

        // what CalendarFX does when the entry is dropped on the taken 14:00-15:00
        inFx(() -> ada.setInterval(new Interval(Venue.at(14, 15).start(), Venue.at(14, 15).end(), Venue.BERLIN)));

        assertThat(pane.entriesOf(venue.roomA.id()))
                .filteredOn(e -> ((BookingEntry) e.getUserObject()).bookingId().equals(venue.adaInRoomA.id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.getStartAsZonedDateTime().toInstant()).isEqualTo(venue.adaInRoomA.range().start());
                    assertThat(e.getEndAsZonedDateTime().toInstant()).isEqualTo(venue.adaInRoomA.range().end());
                });
        assertThat(dialogs.errors).isNotEmpty();
    }

    private static BookingEntryView shownView(FxRobot robot, java.util.UUID bookingId) {
        return robot.lookup((Node node) -> node instanceof BookingEntryView view
                        && view.getEntry().getUserObject() instanceof BookingEntry booking && booking.bookingId().equals(bookingId)
                        && showing(view))
                .queryAs(BookingEntryView.class);
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
