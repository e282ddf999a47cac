package com.venuedesk.desk.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.calendar.BookingEntry;
import com.venuedesk.desk.calendar.CalendarMode;
import com.venuedesk.desk.calendar.CalendarPane;
import com.venuedesk.desk.calendar.CalendarViewModel;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.store.CredentialCache;
import com.venuedesk.desk.sync.SyncClient;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.RecordingDialogService;
import com.venuedesk.desk.testing.Venue;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The history opened from a booking's context menu in the real calendar (CalendarFX under Monocle), on a real store,
 * with the audit endpoint played by {@link AuditWire} (see there for moving this test to the real server).
 */
@ExtendWith(ApplicationExtension.class)
class BookingHistoryViewTest {
    private final Messages messages = new Messages(Locale.ENGLISH);
    private final VenueFormats formats = new VenueFormats(Venue.BERLIN, Locale.UK);
    private final MockWebServer server = new MockWebServer();
    private final AuditWire wire = new AuditWire();
    private Venue venue;
    private SyncClient client;
    private CalendarViewModel calendar;

    @Start
    void start(Stage stage) throws Exception {
        server.setDispatcher(wire);
        server.start(InetAddress.getLoopbackAddress(), 0);
        venue = new Venue(Files.createTempDirectory("history-view"));
        client = new SyncClient(server.url("/").toString(), Duration.ofSeconds(1), Duration.ofSeconds(2), venue.store.deviceId());
        client.login(AuditWire.USERNAME, AuditWire.PASSWORD);
        wire.history = AuditWire.bookedMovedCancelled(venue.adaInRoomA.id(), venue.store.deviceId().toString(),
                UUID.randomUUID().toString(), venue.roomA.id(), venue.roomB.id());
        SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
        calendar = new CalendarViewModel(venue.bookings, tasks, new RecordingDialogService(), messages, formats, Venue.CLOCK,
                request -> { }, booking -> openHistory(tasks, stage, booking));
        stage.setScene(new Scene(new CalendarPane(calendar, messages, true), 1000, 700));
        stage.show();
        calendar.modeProperty().set(CalendarMode.WEEK);
        calendar.reload();
    }

    /** As AppContext opens it. */
    private void openHistory(SameThreadTaskExecutor tasks, Stage stage, BookingEntry booking) {
        DeskBookingHistory source = new DeskBookingHistory(new HistoryClient(client), venue.store, venue.bookings,
                new CredentialCache(venue.store), Venue.CLOCK, true);
        BookingHistoryViewModel model = new BookingHistoryViewModel(source, tasks, messages, formats, venue.store.deviceId(),
                booking.bookingId(), booking.customerName());
        new BookingHistoryDialog(model, messages, stage).show();
        model.load();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != null && w.getScene() != null
                && w.getScene().lookup("#bookingHistory") != null).toList().forEach(Window::hide));
        WaitForAsyncUtils.waitForFxEvents();
        client.close();
        venue.close();
        server.close();
    }

    /**
     * Right-clicks the booking and picks "History..." from its menu. Monocle's headless glass does not turn a right
     * click into the context-menu request a desktop platform sends, so that request is fired as the platform would.
     */
    private void openFromTheContextMenu(FxRobot robot) {
        Node entry = shownEntry(robot);
        robot.rightClickOn(entry);
        javafx.geometry.Bounds screen = entry.localToScreen(entry.getBoundsInLocal());
        javafx.geometry.Bounds local = entry.getBoundsInLocal();
        robot.interact(() -> entry.fireEvent(new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getCenterX(), local.getCenterY(),
                screen.getCenterX(), screen.getCenterY(), false, null)));
        robot.clickOn(messages.get("action.history"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theHistoryOpensFromTheBookingsContextMenuAndShowsWhoDidWhatWhenAndWhy(FxRobot robot) {
        openFromTheContextMenu(robot);

        TableView<HistoryLine> table = historyTable(robot);
        assertThat(table.getItems()).containsExactly(
                new HistoryLine("2 Dec 2026, 10:00", "sam", "cancelled", "guest called", table.getItems().get(0).where(), false),
                new HistoryLine("1 Dec 2026, 16:30", "dana (pushed by lee)", "moved from Room A to Room B", "", "this desk", false),
                new HistoryLine("1 Dec 2026, 09:10", "dana", "moved from 09:00\u201310:00 to 10:00\u201311:00 on 1 Dec 2026",
                        "", "this desk", false),
                new HistoryLine("30 Nov 2026, 17:00", "the server", "booked", "", "", false));
        assertThat(table.getItems().get(0).where()).startsWith("desk ");
        assertThat(robot.lookup("#historyNotice").queryAs(Label.class).isVisible()).isFalse();
        assertThat(wire.auditRequests).hasSize(1);
    }

    @Test
    void offlineTheDialogShowsTheKeptHistoryAsOfItsDateAndTheMoveNotYetSent(FxRobot robot) {
        openFromTheContextMenu(robot);
        robot.interact(() -> historyTable(robot).getScene().getWindow().hide());
        new CredentialCache(venue.store).remember("dana", "secret", UUID.nameUUIDFromBytes("dana".getBytes()),
                com.venuedesk.model.domain.Role.FRONT_DESK);
        new com.venuedesk.desk.store.LocalBookings(venue.store, Venue.CLOCK, UUID.nameUUIDFromBytes("dana".getBytes()))
                .reschedule(venue.adaInRoomA.id(), venue.roomB.id(), Venue.at(12, 13));
        wire.auditStatus = 503;
        robot.interact(calendar::reload);

        openFromTheContextMenu(robot);

        TableView<HistoryLine> table = historyTable(robot);
        assertThat(table.getItems()).hasSize(5);
        assertThat(table.getItems().get(0)).isEqualTo(new HistoryLine("1 Dec 2026, 08:00", "dana",
                "Not yet sent: moved to 1 Dec 2026, 12:00\u201313:00 in Room B", "", "this desk", true));
        Label notice = robot.lookup("#historyNotice").queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).isEqualTo(messages.get("history.notice.offlineAsOf", formats.dateTime(Venue.NOW)));
    }

    @SuppressWarnings("unchecked")
    private static TableView<HistoryLine> historyTable(FxRobot robot) {
        return robot.lookup("#historyTable").queryAs(TableView.class);
    }

    /** The drawn entry of the one booking of the week (the calendar's entry views carry the style class booking). */
    private static Node shownEntry(FxRobot robot) {
        return robot.lookup(".booking").match(BookingHistoryViewTest::showing).query();
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
