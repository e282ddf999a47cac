package com.venuedesk.desk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.approvals.ApprovalsView;
import com.venuedesk.desk.approvals.ApprovalsViewModel;
import com.venuedesk.desk.booking.NewBookingRequest;
import com.venuedesk.desk.dialog.FxDialogService;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.RecordingDialogService;
import com.venuedesk.desk.testing.Venue;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.sync.Change;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.model.sync.Mutation;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The calendar on a busy morning (issue 20): Ctrl+N, the cancel prompt, provisional and awaiting approval, stays over
 * several days, accessible names, keyboard changes. Real CalendarPane and dialogs under Monocle, real local store.
 */
@ExtendWith(ApplicationExtension.class)
class BusyMorningCalendarTest {
    /** 09:21 in Berlin on Tuesday 1 December 2026. */
    static final Clock NINE_TWENTY_ONE = Clock.fixed(Instant.parse("2026-12-01T08:21:00Z"), ZoneOffset.UTC);

    private final Messages messages = new Messages(Locale.ENGLISH);
    private final VenueFormats formats = new VenueFormats(Venue.BERLIN, Locale.UK);
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final List<NewBookingRequest> requests = new ArrayList<>();
    private final List<BookingEntry> opened = new ArrayList<>();
    private Venue venue;
    private Stage stage;
    private CalendarViewModel model;
    private CalendarPane pane;
    /** Room B 14:00-15:00, PENDING on the server: awaits a manager's approval. */
    private Booking awaiting;
    /** Room B 16:00-17:00, booked on this desk and not yet pushed. */
    private Booking provisional;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        venue = new Venue(Files.createTempDirectory("busy-morning"));
        awaiting = new Booking(UUID.randomUUID(), venue.roomB.id(), venue.ada.id(), Venue.at(14, 15), BookingStatus.PENDING,
                Money.of("60.00", "EUR"), "", 1, UUID.randomUUID(), Venue.NOW, null, "");
        venue.store.applyPulled(List.of(new Change("5", EntityType.BOOKING, awaiting.id(), 1, false, awaiting)));
        provisional = ((LocalWrite.Recorded) venue.bookings.createBooking(venue.roomB.id(), venue.ada.id(),
                Venue.at(16, 17), "")).entity() instanceof Booking b ? b : null;
        model = new CalendarViewModel(venue.bookings, tasks, new FxDialogService(() -> stage, messages), messages, formats,
                NINE_TWENTY_ONE, requests::add);
        model.whenChangeRequested(opened::add);
        pane = new CalendarPane(model, messages, true);
        stage.setScene(new Scene(pane, 1280, 800));
        stage.show();
        model.modeProperty().set(CalendarMode.WEEK);
        model.reload();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> new ArrayList<>(Window.getWindows()).stream()
                .filter(w -> w != stage).forEach(Window::hide));
        WaitForAsyncUtils.waitForFxEvents();
        venue.close();
    }

    private static List<BookingEntryView> viewsOf(FxRobot robot, UUID bookingId) {
        return robot.lookup(n -> n instanceof BookingEntryView view && view.isVisible()
                && view.getEntry().getUserObject() instanceof BookingEntry b && b.bookingId().equals(bookingId))
                .queryAll().stream().map(BookingEntryView.class::cast).toList();
    }

    private BookingEntry entry(UUID bookingId) {
        return model.entries().stream().filter(e -> e.bookingId().equals(bookingId)).findFirst().orElseThrow();
    }

    // ---- point 2

    @Test
    void ctrlNAt0921OnATakenRoomOffersItsNextFreeHourNotTheDefaultTenOClock(FxRobot robot) {
        robot.clickOn(viewsOf(robot, venue.adaInRoomA.id()).get(0));
        robot.interact(() -> model.requestNewBooking());

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.resourceId()).contains(venue.roomA.id());
            assertThat(request.start()).as("Room A is taken 10-11; 09:30-10:30 would clash").isEqualTo(Venue.at(11, 12).start());
            assertThat(request.end()).isEqualTo(Venue.at(11, 12).end());
        });
    }

    @Test
    void ctrlNOnAFreeRoomStartsAtTheNextQuarterHourFromNow(FxRobot robot) {
        robot.interact(() -> model.pick(venue.roomB.id(), null));
        robot.interact(() -> model.requestNewBooking());

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.resourceId()).contains(venue.roomB.id());
            assertThat(request.start()).isEqualTo(Instant.parse("2026-12-01T08:30:00Z"));
        });
    }

    // ---- point 3

    @Test
    void theCancelPromptNamesGuestResourceAndTimeAndOffersTheCommonReasons(FxRobot robot) {
        robot.clickOn(viewsOf(robot, venue.adaInRoomA.id()).get(0));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();

        Label question = robot.lookup("#reasonQuestion").queryAs(Label.class);
        assertThat(question.getText()).contains("Ada Lovelace", "Room A", "10:00", "11:00");
        assertThat(robot.lookup(".radio-button").queryAll()).extracting(n -> ((javafx.scene.control.RadioButton) n).getText())
                .contains("Guest cancelled", "Guest did not come", "Entered twice by mistake", "Venue closed");
        robot.clickOn("#reason-2");
        robot.clickOn("#confirmReason");
        WaitForAsyncUtils.waitForFxEvents();

        Booking cancelled = venue.bookings.booking(venue.adaInRoomA.id()).orElseThrow().booking();
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled.statusReason()).isEqualTo("Entered twice by mistake");
    }

    @Test
    void backingOutOfTheCancelPromptWithEscapeKeepsTheBooking(FxRobot robot) {
        robot.clickOn(viewsOf(robot, venue.adaInRoomA.id()).get(0));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(venue.bookings.booking(venue.adaInRoomA.id()).orElseThrow().booking().status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    // ---- point 5

    @Test
    void aProvisionalBookingLooksProvisionalAndOnlyTheOneAwaitingApprovalOffersApprove() {
        BookingEntry waiting = entry(awaiting.id());
        BookingEntry local = entry(provisional.id());

        assertThat(waiting.title()).isEqualTo("Ada Lovelace (awaiting approval)");
        assertThat(waiting.styleClasses()).contains("booking-awaiting-approval");
        assertThat(waiting.possibleActions()).contains(com.venuedesk.model.sync.BookingAction.APPROVE);
        assertThat(local.title()).isEqualTo("Ada Lovelace (provisional)");
        assertThat(local.styleClasses()).contains("booking-provisional").doesNotContain("booking-awaiting-approval");
        assertThat(local.possibleActions()).doesNotContain(com.venuedesk.model.sync.BookingAction.APPROVE);
    }

    @Test
    void managersGetTheListOfWhatAwaitsTheirApprovalAndApproveFromIt(FxRobot robot) {
        RecordingDialogService notices = new RecordingDialogService();
        ApprovalsViewModel approvals = new ApprovalsViewModel(venue.bookings, tasks, notices, messages, formats, NINE_TWENTY_ONE);
        List<LocalDate> shown = new ArrayList<>();
        robot.interact(() -> {
            approvals.reload();
            javafx.scene.control.Button button = ApprovalsView.button(approvals, messages, () -> stage, shown::add);
            ((javafx.scene.layout.StackPane) pane).getChildren().add(button);
            javafx.scene.layout.StackPane.setAlignment(button, javafx.geometry.Pos.TOP_RIGHT);
        });
        assertThat(approvals.waiting()).extracting(ApprovalsViewModel.Waiting::bookingId).containsExactly(awaiting.id());

        robot.clickOn("#approvals");
        assertThat(robot.lookup("#approvalsDialog .label").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(text -> assertThat(text).contains("Ada Lovelace", "Room B", "14:00"));
        robot.clickOn(messages.get("approvals.approve"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(venue.bookings.booking(awaiting.id()).orElseThrow().booking().status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(notices.notifications).singleElement().asString().contains("Ada Lovelace", "Room B");
    }

    // ---- point 6

    @Test
    void aTwoNightStayIsDrawnOnEachOfItsThreeDays(FxRobot robot) {
        TableRange stay = new TableRange(Venue.at(15, 16).start(), Instant.parse("2026-12-03T09:00:00Z"));
        robot.interact(() -> {
            venue.bookings.createBooking(venue.roomA.id(), venue.ada.id(), stay.range(), "two nights");
        });
        robot.interact(() -> model.reload());
        WaitForAsyncUtils.waitForFxEvents();
        UUID stayId = model.entries().stream().filter(e -> e.notes().equals("two nights")).findFirst().orElseThrow().bookingId();

        assertThat(viewsOf(robot, stayId)).as("one entry view per day column").hasSize(3);
        assertThat(entry(stayId).accessibleText()).contains("1 Dec 2026, 15:00 \u2013 3 Dec 2026, 10:00");
    }

    private record TableRange(Instant start, Instant end) {
        TimeRange range() {
            return new TimeRange(start, end);
        }
    }

    // ---- point 8

    @Test
    void everyBookingInTheCalendarHasAnAccessibleNameWithGuestResourceTimeAndState(FxRobot robot) {
        BookingEntryView ada = viewsOf(robot, venue.adaInRoomA.id()).get(0);
        assertThat(ada.getAccessibleText()).contains("Ada Lovelace", "Room A", "10:00", "11:00", "Confirmed");
        assertThat(viewsOf(robot, awaiting.id()).get(0).getAccessibleText()).contains("Room B", "14:00", "awaiting approval");
        assertThat(viewsOf(robot, provisional.id()).get(0).getAccessibleText()).contains("16:00", "provisional");
    }

    // ---- point 4

    @Test
    void enterOpensTheSelectedBookingAndAltDownMovesItByTheCalendarsStep(FxRobot robot) {
        robot.clickOn(viewsOf(robot, venue.adaInRoomA.id()).get(0));
        robot.type(KeyCode.ENTER);
        assertThat(opened).extracting(BookingEntry::bookingId).containsExactly(venue.adaInRoomA.id());

        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        Booking moved = venue.bookings.booking(venue.adaInRoomA.id()).orElseThrow().booking();
        assertThat(moved.range()).isEqualTo(new TimeRange(Venue.at(10, 11).start().plusSeconds(900),
                Venue.at(10, 11).end().plusSeconds(900)));
        assertThat(venue.store.pendingOutbox(10)).anySatisfy(e -> assertThat(e.mutation()).isInstanceOf(Mutation.RescheduleBooking.class));
    }

    @Test
    void aDoubleClickOnABookingOpensItForAChange(FxRobot robot) {
        robot.doubleClickOn(viewsOf(robot, venue.adaInRoomA.id()).get(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).extracting(BookingEntry::bookingId).contains(venue.adaInRoomA.id());
    }
}
