package com.venuedesk.desk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.Venue;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.sync.Mutation;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real booking dialog (Monocle, headless) on a real local store, driven by keyboard and mouse. */
@ExtendWith(ApplicationExtension.class)
class BookingDialogViewTest {
    /** 1280x800 less a task bar, and the same screen at 125 % and 150 % (JavaFX pixels). */
    static final List<Rectangle2D> SCREENS = List.of(new Rectangle2D(0, 0, 1280, 760),
            new Rectangle2D(0, 0, 1024, 608), new Rectangle2D(0, 0, 853, 506));
    /** 09:21 in Berlin on Tuesday 1 December 2026, as in the issue. */
    static final Clock NINE_TWENTY_ONE = Clock.fixed(Instant.parse("2026-12-01T08:21:00Z"), ZoneOffset.UTC);

    private final Messages messages = new Messages(Locale.ENGLISH);
    private final VenueFormats formats = new VenueFormats(Venue.BERLIN, Locale.UK);
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private Venue venue;
    private Stage owner;

    @Start
    void start(Stage stage) throws Exception {
        // the desk's theme, as App sets it: AtlantaFX styles dialogs (e.g. at most 600 px wide unless told otherwise)
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        venue = new Venue(Files.createTempDirectory("booking-dialog"));
        owner = stage;
        // the primary stage is shared with later tests (DeskAppIT starts the app in it and keeps its size)
        stage.setScene(new Scene(new StackPane(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> new ArrayList<>(Window.getWindows()).stream()
                .filter(w -> w != owner).forEach(Window::hide));
        WaitForAsyncUtils.waitForFxEvents();
        venue.close();
    }

    private BookingDialogViewModel newBooking(Clock clock, Optional<java.util.UUID> resource, TimeRange range) {
        return new BookingDialogViewModel(venue.bookings, tasks, messages, formats, clock,
                new NewBookingRequest(resource, range.start(), range.end()));
    }

    private BookingDialog show(FxRobot robot, BookingDialogViewModel model, Rectangle2D screen) {
        BookingDialog[] dialog = new BookingDialog[1];
        robot.interact(() -> {
            dialog[0] = new BookingDialog(model, messages, formats, owner, screen);
            dialog[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return dialog[0];
    }

    private static String debug(BookingDialog dialog) {
        Window w = windowOf(dialog);
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) dialog.getDialogPane().lookup("#bookingContent");
        Node notes = dialog.getDialogPane().lookup("#notes");
        return String.format("window %s,%s %sx%s; pane pref %s; scroll vp %s pref %s; content pref %s; notes %s", w.getX(), w.getY(),
                w.getWidth(), w.getHeight(), dialog.getDialogPane().prefHeight(-1), scroll.getViewportBounds(),
                scroll.getPrefViewportHeight(), ((javafx.scene.layout.Region) scroll.getContent()).prefHeight(-1),
                notes.localToScreen(notes.getBoundsInLocal()));
    }

    private static Window windowOf(BookingDialog dialog) {
        return dialog.getDialogPane().getScene().getWindow();
    }

    private static boolean inside(Node node, Window window) {
        Bounds b = node.localToScreen(node.getBoundsInLocal());
        return b.getMinX() >= window.getX() - 0.5 && b.getMinY() >= window.getY() - 0.5
                && b.getMaxX() <= window.getX() + window.getWidth() + 0.5
                && b.getMaxY() <= window.getY() + window.getHeight() + 0.5;
    }

    // ---- point 1: the dialog fits its content; Enter books, Escape cancels

    @Test
    void bookAndCancelStayInSightAfterTickingNewGuestOnA1280x800ScreenAndAt125And150Percent(FxRobot robot) {
        for (Rectangle2D screen : SCREENS) {
            BookingDialog dialog = show(robot, newBooking(Venue.CLOCK, Optional.of(venue.roomA.id()), Venue.at(10, 11)), screen);
            robot.clickOn("#newCustomer");
            WaitForAsyncUtils.waitForFxEvents();
            Window window = windowOf(dialog);

            assertThat(dialog.getDialogPane().lookup("#newCustomerPhone").isVisible()).isTrue();
            for (String button : List.of("#saveBooking", "#cancelBooking")) {
                Node node = dialog.getDialogPane().lookup(button);
                assertThat(inside(node, window)).as("%s inside the window on %s: %s", button, screen, debug(dialog)).isTrue();
            }
            assertThat(window.getY() + window.getHeight()).as("window bottom on %s", screen).isLessThanOrEqualTo(screen.getMaxY());
            assertThat(window.getWidth()).as("window width on %s", screen).isLessThanOrEqualTo(screen.getWidth());
            Node availability = dialog.getDialogPane().lookup("#availability");
            assertThat(inside(availability, window)).as("the availability panel in sight on %s: %s", screen, debug(dialog)).isTrue();
            if (screen.getHeight() >= 700) {
                assertThat(inside(dialog.getDialogPane().lookup("#notes"), window))
                        .as("on a full 1280x800 screen the notes need no scrolling: %s", debug(dialog)).isTrue();
            }
            robot.interact(dialog::close);
        }
    }

    @Test
    void enterTakesTheFoundGuestThenBooksAndEscapeCancels(FxRobot robot) {
        BookingDialog dialog = show(robot, newBooking(Venue.CLOCK, Optional.of(venue.roomB.id()), Venue.at(12, 13)), SCREENS.get(0));
        robot.clickOn("#customer").write("ada");
        robot.type(KeyCode.ENTER);
        assertThat(((javafx.scene.control.TextField) dialog.getDialogPane().lookup("#customer")).getText()).startsWith("Ada Lovelace");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialog.isShowing()).isFalse();
        assertThat(dialog.getResult()).isNotNull();
        assertThat(venue.bookings.pendingOutboxCount()).isEqualTo(1);

        BookingDialog second = show(robot, newBooking(Venue.CLOCK, Optional.of(venue.roomB.id()), Venue.at(14, 15)), SCREENS.get(0));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(second.isShowing()).isFalse();
        assertThat(venue.bookings.pendingOutboxCount()).isEqualTo(1);
    }

    // ---- point 8: Tab order

    @Test
    void tabMovesThroughTheFieldsInReadingOrderAndLeavesTheNotesForTheButtons(FxRobot robot) {
        // the buttons come in the platform's order (on Linux: Cancel, then Book), as the ButtonBar lays them out
        BookingDialog dialog = show(robot, newBooking(Venue.CLOCK, Optional.of(venue.roomB.id()), Venue.at(12, 13)), SCREENS.get(0));
        List<String> visited = new ArrayList<>();
        visited.add(focusedId(dialog));
        for (int i = 0; i < 9; i++) {
            robot.type(KeyCode.TAB);
            visited.add(focusedId(dialog));
        }
        assertThat(visited).containsExactly("customer", "newCustomer", "date", "start", "endDate", "end", "notes",
                "cancelBooking", "saveBooking", "resource");
        assertThat(venue.bookings.pendingOutboxCount()).isZero();
        assertThat(((javafx.scene.control.TextArea) dialog.getDialogPane().lookup("#notes")).getText()).doesNotContain("\t");
    }

    private static String focusedId(BookingDialog dialog) {
        Node focused = dialog.getDialogPane().getScene().getFocusOwner();
        return focused == null ? null : focused.getId();
    }

    // ---- point 2: no past offered; a past booking only on purpose

    @Test
    void aTakenSlotAt0921OffersNoAlternativeThatHasBegun(FxRobot robot) {
        BookingDialogViewModel model = newBooking(NINE_TWENTY_ONE, Optional.of(venue.roomA.id()), Venue.at(10, 11));
        show(robot, model, SCREENS.get(0));

        assertThat(model.availableProperty().get()).isFalse();
        assertThat(model.alternatives()).isNotEmpty();
        assertThat(model.alternatives()).allSatisfy(alternative ->
                assertThat(alternative.slot().start()).isAfterOrEqualTo(NINE_TWENTY_ONE.instant()));
        assertThat(robot.lookup(".alternative").queryAll()).hasSize(model.alternatives().size());
    }

    @Test
    void aWalkInThatHasBegunIsBookedOnlyWithRecordAPastBookingTicked(FxRobot robot) {
        BookingDialogViewModel model = newBooking(NINE_TWENTY_ONE, Optional.of(venue.roomB.id()), Venue.at(8, 9));
        BookingDialog dialog = show(robot, model, SCREENS.get(0));
        model.choose(venue.ada);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#recordPast").query().isVisible()).isTrue();
        assertThat(model.timeErrorProperty().get()).isEqualTo(messages.get("booking.error.past"));
        robot.clickOn("#saveBooking");
        assertThat(dialog.isShowing()).isTrue();
        assertThat(venue.bookings.pendingOutboxCount()).isZero();

        robot.clickOn("#recordPast");
        robot.clickOn("#saveBooking");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.isShowing()).isFalse();
        assertThat(((Booking) dialog.getResult()).range()).isEqualTo(Venue.at(8, 9));
    }

    // ---- point 6: overnight and multi-day stays

    @Test
    void aTwoNightStayIsEnteredWithAStartAndAnEndDate(FxRobot robot) {
        BookingDialogViewModel model = newBooking(Venue.CLOCK, Optional.of(venue.roomB.id()), Venue.at(15, 16));
        BookingDialog dialog = show(robot, model, SCREENS.get(0));
        robot.interact(() -> {
            model.choose(venue.ada);
            model.endDateProperty().set(LocalDate.of(2026, 12, 3));
            model.endProperty().set(LocalTime.of(10, 0));
        });
        assertThat(model.availableProperty().get()).isTrue();
        robot.clickOn("#saveBooking");
        WaitForAsyncUtils.waitForFxEvents();

        Booking stay = dialog.getResult();
        assertThat(stay.range().start()).isEqualTo(Venue.at(15, 16).start());
        assertThat(stay.range().end()).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
        assertThat(stay.range().duration()).isEqualTo(Duration.ofHours(43));
    }

    // ---- point 4: open a booking to change resource, times, guest and notes

    @Test
    void aBookingOpenedForAChangeTakesAnotherGuestNotesAndTimeAndRecordsAMoveAndADetailsChange(FxRobot robot) {
        com.venuedesk.model.domain.Customer grace = new com.venuedesk.model.domain.Customer(java.util.UUID.randomUUID(),
                "Grace Hopper", "grace@example.com", null, "", 0);
        venue.bookings.upsertCustomer(grace);
        BookingDialogViewModel model = BookingDialogViewModel.change(venue.bookings, tasks, messages, formats, Venue.CLOCK,
                venue.adaInRoomA, venue.ada);
        BookingDialog dialog = show(robot, model, SCREENS.get(0));
        assertThat(dialog.getTitle()).isEqualTo(messages.get("booking.title.edit"));
        assertThat(model.notesProperty().get()).isEqualTo("window seat");

        robot.interact(() -> {
            model.resourceProperty().set(venue.roomB);
            model.startProperty().set(LocalTime.of(14, 0));
            model.endProperty().set(LocalTime.of(15, 30));
            model.choose(grace);
            model.notesProperty().set("window seat, vegan lunch");
        });
        assertThat(model.availableProperty().get()).isTrue();
        assertThat(model.quoteProperty().get()).isNotEmpty();
        robot.clickOn("#saveBooking");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialog.isShowing()).isFalse();
        Booking changed = venue.bookings.booking(venue.adaInRoomA.id()).orElseThrow().booking();
        assertThat(changed.resourceId()).isEqualTo(venue.roomB.id());
        assertThat(changed.customerId()).isEqualTo(grace.id());
        assertThat(changed.notes()).isEqualTo("window seat, vegan lunch");
        List<Mutation> sent = venue.store.pendingOutboxOf(venue.adaInRoomA.id()).stream().map(e -> e.mutation()).toList();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).isInstanceOf(Mutation.RescheduleBooking.class);
        assertThat(sent.get(1)).isInstanceOfSatisfying(Mutation.UpdateBookingDetails.class, details -> {
            assertThat(details.customerId()).isEqualTo(grace.id());
            assertThat(details.expectedRevision()).isEqualTo(1);
        });
    }
}
