package com.venuedesk.desk;

import static com.venuedesk.desk.testing.DeskWindow.onFx;
import static com.venuedesk.desk.testing.DeskWindow.save;

import atlantafx.base.theme.PrimerLight;
import com.venuedesk.desk.approvals.ApprovalsView;
import com.venuedesk.desk.approvals.ApprovalsViewModel;
import com.venuedesk.desk.booking.BookingDialog;
import com.venuedesk.desk.booking.BookingDialogViewModel;
import com.venuedesk.desk.booking.NewBookingRequest;
import com.venuedesk.desk.calendar.CalendarMode;
import com.venuedesk.desk.calendar.CalendarPane;
import com.venuedesk.desk.calendar.CalendarViewModel;
import com.venuedesk.desk.conflicts.ConflictsView;
import com.venuedesk.desk.conflicts.ConflictsViewModel;
import com.venuedesk.desk.dialog.FxDialogService;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.store.OutboxEntry;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.RecordingDialogService;
import com.venuedesk.desk.testing.Venue;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.Slot;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.sync.BookingAction;
import com.venuedesk.model.sync.Change;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.model.sync.MutationOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * PNGs of the screens issue 20 changed (booking dialog at 1280x800 and 150 %, past walk-in, change dialog, cancel
 * prompt, provisional / awaiting approval / two-night stay in the week, the managers' approvals, the German conflict
 * inbox). Run under Xvfb like {@code scripts/screenshots.sh}, with this class as the main class; argument: the
 * output directory.
 */
public final class BusyMorningScreenshots {
    /** 09:21 in Berlin on Tuesday 1 December 2026. */
    private static final Clock NINE_TWENTY_ONE = Clock.fixed(Instant.parse("2026-12-01T08:21:00Z"), ZoneOffset.UTC);

    private BusyMorningScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Platform.startup(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        Messages messages = new Messages(Locale.ENGLISH);
        VenueFormats formats = new VenueFormats(Venue.BERLIN, Locale.UK);
        SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
        try (Venue venue = new Venue(Files.createTempDirectory("busy-morning-shots"))) {
            Booking awaiting = new Booking(UUID.randomUUID(), venue.roomB.id(), venue.ada.id(), Venue.at(14, 15),
                    BookingStatus.PENDING, Money.of("60.00", "EUR"), "", 1, UUID.randomUUID(), Venue.NOW, null, "");
            venue.store.applyPulled(List.of(new Change("5", EntityType.BOOKING, awaiting.id(), 1, false, awaiting)));
            venue.bookings.createBooking(venue.roomB.id(), venue.ada.id(), Venue.at(16, 17), "walk-in");
            venue.bookings.createBooking(venue.roomA.id(), venue.ada.id(),
                    new TimeRange(Venue.at(15, 16).start(), Instant.parse("2026-12-03T09:00:00Z")), "two nights");

            Stage stage = onFx(() -> {
                Stage window = new Stage();
                window.setScene(new Scene(new BorderPane(), 1280, 800));
                window.show();
                return window;
            });

            // the booking dialog after ticking New guest, on a 1280x800 screen and on the same screen at 150 %
            shootDialog(stage, out.resolve("20-booking-dialog-new-guest.png"), new Rectangle2D(0, 0, 1280, 760), () ->
                    new BookingDialogViewModel(venue.bookings, tasks, messages, formats, NINE_TWENTY_ONE,
                            new NewBookingRequest(Optional.of(venue.roomA.id()), Venue.at(10, 11).start(), Venue.at(10, 11).end())),
                    model -> model.newCustomerProperty().set(true), messages, formats);
            shootDialog(stage, out.resolve("21-booking-dialog-new-guest-150-percent.png"), new Rectangle2D(0, 0, 853, 506), () ->
                    new BookingDialogViewModel(venue.bookings, tasks, messages, formats, NINE_TWENTY_ONE,
                            new NewBookingRequest(Optional.of(venue.roomA.id()), Venue.at(10, 11).start(), Venue.at(10, 11).end())),
                    model -> model.newCustomerProperty().set(true), messages, formats);
            // a walk-in who started at 08:00, booked at 09:21: only with "Record a past booking"
            shootDialog(stage, out.resolve("22-booking-dialog-past-walk-in.png"), new Rectangle2D(0, 0, 1280, 760), () ->
                    new BookingDialogViewModel(venue.bookings, tasks, messages, formats, NINE_TWENTY_ONE,
                            new NewBookingRequest(Optional.of(venue.roomB.id()), Venue.at(8, 9).start(), Venue.at(8, 9).end())),
                    model -> model.choose(venue.ada), messages, formats);
            // an existing booking opened for a change
            shootDialog(stage, out.resolve("23-booking-dialog-change.png"), new Rectangle2D(0, 0, 1280, 760), () ->
                    BookingDialogViewModel.change(venue.bookings, tasks, messages, formats, NINE_TWENTY_ONE,
                            venue.adaInRoomA, venue.ada),
                    model -> model.endProperty().set(java.time.LocalTime.of(12, 0)), messages, formats);

            // the week: provisional, awaiting approval, a two-night stay; the managers' approvals button
            CalendarViewModel calendar = onFx(() -> {
                CalendarViewModel model = new CalendarViewModel(venue.bookings, tasks, new FxDialogService(() -> stage, messages),
                        messages, formats, NINE_TWENTY_ONE, request -> { });
                ApprovalsViewModel approvals = new ApprovalsViewModel(venue.bookings, tasks, new RecordingDialogService(),
                        messages, formats, NINE_TWENTY_ONE);
                approvals.reload();
                BorderPane root = new BorderPane(new CalendarPane(model, messages, true));
                HBox top = new HBox(ApprovalsView.button(approvals, messages, () -> stage, day -> { }));
                top.setStyle("-fx-padding: 6;");
                root.setTop(top);
                stage.getScene().setRoot(root);
                stage.getScene().getStylesheets().add(CalendarPane.class.getResource("/com/venuedesk/desk/desk.css").toExternalForm());
                model.modeProperty().set(CalendarMode.WEEK);
                model.reload();
                return model;
            });
            Thread.sleep(2500);
            save(stage.getScene(), out.resolve("25-week-provisional-awaiting-stay.png"));
            Dialog<Void> list = onFx(() -> {
                ApprovalsViewModel waiting = new ApprovalsViewModel(venue.bookings, tasks, new RecordingDialogService(),
                        messages, formats, NINE_TWENTY_ONE);
                waiting.reload();
                Dialog<Void> dialog = ApprovalsView.dialog(waiting, messages, stage, day -> { });
                dialog.show();
                return dialog;
            });
            Thread.sleep(1200);
            save(list.getDialogPane().getScene(), out.resolve("26-approvals.png"));
            onFx(() -> {
                list.close();
                return null;
            });

            // the cancel prompt, naming the booking
            onFx(() -> {
                Platform.runLater(() -> calendar.perform(venue.adaInRoomA.id(), BookingAction.CANCEL));
                return null;
            });
            Thread.sleep(1500);
            Window reason = onFx(() -> Window.getWindows().stream()
                    .filter(w -> w.getScene() != null && w.getScene().lookup("#reasonDialog") != null).findFirst().orElseThrow());
            onFx(() -> {
                ((javafx.scene.control.RadioButton) reason.getScene().lookup("#reason-0")).setSelected(true);
                return null;
            });
            Thread.sleep(500);
            save(reason.getScene(), out.resolve("24-cancel-reason.png"));
            onFx(() -> {
                reason.hide();
                return null;
            });

            // the German conflict inbox: the desk's words for the server's refusals
            Messages german = new Messages(Locale.GERMAN);
            VenueFormats germanFormats = new VenueFormats(Venue.BERLIN, Locale.GERMANY);
            venue.bookings.createBooking(venue.roomA.id(), venue.ada.id(), Venue.at(18, 19), "");
            venue.bookings.createBooking(venue.roomA.id(), venue.ada.id(), Venue.at(20, 21), "");
            List<OutboxEntry> pending = venue.store.pendingOutbox(20);
            OutboxEntry taken = pending.get(pending.size() - 2);
            OutboxEntry closed = pending.get(pending.size() - 1);
            venue.store.settle(List.of(taken, closed), List.of(
                    new MutationOutcome.Overlap(taken.mutation().mutationId(), List.of(UUID.randomUUID()),
                            List.of(Slot.of(venue.roomB.id(), Venue.at(18, 19)), Slot.of(venue.roomA.id(), Venue.at(7, 8))),
                            "1 active booking(s) overlap the requested time"),
                    new MutationOutcome.Rejected(closed.mutation().mutationId(), "start",
                            "outside opening hours (Tuesdays 09:00-20:00)", 400)));
            Stage inbox = onFx(() -> {
                ConflictsViewModel model = new ConflictsViewModel(venue.bookings, tasks, new RecordingDialogService(), german,
                        germanFormats, NINE_TWENTY_ONE);
                Stage window = new Stage();
                window.setScene(new Scene(new ConflictsView(model, german), 380, 560));
                window.show();
                model.reload();
                return window;
            });
            Thread.sleep(1500);
            save(inbox.getScene(), out.resolve("27-conflicts-german.png"));
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    private static void shootDialog(Stage owner, Path file, Rectangle2D screen,
                                    java.util.concurrent.Callable<BookingDialogViewModel> model,
                                    java.util.function.Consumer<BookingDialogViewModel> then, Messages messages,
                                    VenueFormats formats) throws Exception {
        BookingDialog dialog = onFx(() -> {
            BookingDialogViewModel m = model.call();
            BookingDialog d = new BookingDialog(m, messages, formats, owner, screen);
            d.show();
            then.accept(m);
            return d;
        });
        Thread.sleep(1500);
        save(dialog.getDialogPane().getScene(), file);
        onFx(() -> {
            dialog.close();
            return null;
        });
    }
}
