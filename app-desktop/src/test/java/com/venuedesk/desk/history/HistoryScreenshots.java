package com.venuedesk.desk.history;

import static com.venuedesk.desk.testing.DeskWindow.onFx;
import static com.venuedesk.desk.testing.DeskWindow.save;
import static com.venuedesk.desk.testing.DeskWindow.waitUntil;

import atlantafx.base.theme.PrimerLight;
import com.venuedesk.desk.calendar.CalendarMode;
import com.venuedesk.desk.calendar.CalendarPane;
import com.venuedesk.desk.calendar.CalendarViewModel;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.store.CredentialCache;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.sync.SyncClient;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.RecordingDialogService;
import com.venuedesk.desk.testing.Venue;
import com.venuedesk.model.domain.Role;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import mockwebserver3.MockWebServer;

/**
 * Saves PNGs of the booking history dialog, opened from a booking's context menu in the real calendar: online (the
 * audit answer of {@link AuditWire}) and offline (the kept copy and a move not yet sent). Run under Xvfb like
 * {@code scripts/screenshots.sh}, with this class as the main class; argument: the output directory.
 */
public final class HistoryScreenshots {
    private HistoryScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Platform.startup(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        Messages messages = new Messages(Locale.ENGLISH);
        VenueFormats formats = new VenueFormats(Venue.BERLIN, Locale.UK);
        AuditWire wire = new AuditWire();
        try (MockWebServer server = new MockWebServer(); Venue venue = new Venue(Files.createTempDirectory("history-shots"))) {
            server.setDispatcher(wire);
            server.start(InetAddress.getLoopbackAddress(), 0);
            SyncClient client = new SyncClient(server.url("/").toString(), Duration.ofSeconds(1), Duration.ofSeconds(2),
                    venue.store.deviceId());
            client.login(AuditWire.USERNAME, AuditWire.PASSWORD);
            wire.history = AuditWire.bookedMovedCancelled(venue.adaInRoomA.id(), venue.store.deviceId().toString(),
                    "9b2e41c0-5d3a-4c1e-8f00-2a7d9e6b1c55", venue.roomA.id(), venue.roomB.id());
            SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
            Stage stage = onFx(() -> {
                Stage window = new Stage();
                CalendarViewModel calendar = new CalendarViewModel(venue.bookings, tasks, new RecordingDialogService(),
                        messages, formats, Venue.CLOCK, request -> { }, booking -> {
                            DeskBookingHistory source = new DeskBookingHistory(new HistoryClient(client), venue.store,
                                    venue.bookings, new CredentialCache(venue.store), Venue.CLOCK, true);
                            BookingHistoryViewModel model = new BookingHistoryViewModel(source, tasks, messages, formats,
                                    venue.store.deviceId(), booking.bookingId(), booking.customerName() + ", "
                                    + formats.dateTime(booking.start()) + "\u2013" + formats.time(booking.end()));
                            new BookingHistoryDialog(model, messages, window).show();
                            model.load();
                        });
                Scene scene = new Scene(new CalendarPane(calendar, messages, true), 1280, 800);
                scene.getStylesheets().add(CalendarPane.class.getResource("/com/venuedesk/desk/desk.css").toExternalForm());
                window.setScene(scene);
                window.show();
                calendar.modeProperty().set(CalendarMode.WEEK);
                calendar.reload();
                return window;
            });
            Thread.sleep(2500);
            shoot(stage, out.resolve("17-booking-history.png"));

            UUID dana = UUID.nameUUIDFromBytes("dana".getBytes());
            new CredentialCache(venue.store).remember("dana", "secret", dana, Role.FRONT_DESK);
            new LocalBookings(venue.store, Venue.CLOCK, dana).reschedule(venue.adaInRoomA.id(), venue.roomB.id(), Venue.at(12, 13));
            wire.auditStatus = 503;
            onFx(() -> {
                ((CalendarPane) stage.getScene().getRoot()).requestLayout();
                return null;
            });
            Thread.sleep(2500);
            shoot(stage, out.resolve("18-booking-history-offline.png"));
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    /** Opens the history from the booking's context menu, saves the dialog, closes it. */
    private static void shoot(Stage stage, Path file) throws Exception {
        onFx(() -> {
            Node entry = stage.getScene().getRoot().lookupAll(".booking").stream().filter(HistoryScreenshots::showing)
                    .findFirst().orElseThrow();
            Bounds local = entry.getBoundsInLocal();
            Bounds screen = entry.localToScreen(local);
            entry.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getCenterX(),
                    local.getCenterY(), screen.getCenterX(), screen.getCenterY(), false, null));
            return null;
        });
        Thread.sleep(500);
        onFx(() -> {
            javafx.scene.control.ContextMenu menu = Window.getWindows().stream()
                    .filter(javafx.scene.control.ContextMenu.class::isInstance).map(javafx.scene.control.ContextMenu.class::cast)
                    .findFirst().orElseThrow();
            menu.getItems().stream().filter(item -> "action-history".equals(item.getId())).findFirst().orElseThrow().fire();
            menu.hide();
            return null;
        });
        waitUntil(() -> dialog().isPresent());
        Thread.sleep(1000);
        Window dialog = onFx(HistoryScreenshots::dialog).orElseThrow();
        save(dialog.getScene(), file);
        onFx(() -> {
            dialog.hide();
            return null;
        });
    }

    private static Optional<Window> dialog() {
        return Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#bookingHistory") != null).findFirst();
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
