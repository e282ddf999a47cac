package com.venuedesk.desk;

import com.venuedesk.desk.calendar.CalendarMode;
import com.venuedesk.desk.settings.DeskSettings;
import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.desk.store.OutboxEntry;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Location;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.ResourceType;
import com.venuedesk.model.domain.Slot;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.sync.Change;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.model.sync.MutationOutcome;
import static com.venuedesk.desk.testing.DeskWindow.onFx;
import static com.venuedesk.desk.testing.DeskWindow.save;
import static com.venuedesk.desk.testing.DeskWindow.waitUntil;
import com.venuedesk.desk.testing.DeskWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the real desk (embedded server, fresh home), fills the local store with a week of a small venue, and saves
 * PNGs of the main screens. Run by {@code scripts/screenshots.sh} under Xvfb; argument: the output directory.
 */
public final class Screenshots {
    private static final Logger LOG = LoggerFactory.getLogger(Screenshots.class);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("venuedesk-shots");
        DeskSettings settings = new DeskSettings(home, Optional.empty(), Locale.ENGLISH, BERLIN, UUID.randomUUID().toString());
        DeskWindow.Launched desk = DeskWindow.launch(settings);
        App app = desk.app();
        Stage stage = desk.stage();
        settle(1500);
        String password = Files.readString(home.resolve("server").resolve("admin-password.txt")).strip();
        onFx(() -> {
            Scene scene = stage.getScene();
            ((TextField) scene.lookup("#username")).setText("admin");
            ((PasswordField) scene.lookup("#password")).setText("wrong");
            ((Button) scene.lookup("#signIn")).fire();
            return null;
        });
        // the refusal comes from the embedded server, which may still be booting: wait for it, not a fixed time
        waitUntil(() -> !((Label) stage.getScene().lookup("#passwordError")).getText().isEmpty()
                || !((Label) stage.getScene().lookup("#usernameError")).getText().isEmpty());
        settle(500);
        save(stage.getScene(), out.resolve("01-sign-in.png"));

        onFx(() -> {
            ((PasswordField) stage.getScene().lookup("#password")).setText(password);
            ((Button) stage.getScene().lookup("#signIn")).fire();
            return null;
        });
        waitUntil(() -> stage.getScene().lookup("#mainView") != null);
        seed(app.context().store());
        settle(3000);
        onFx(() -> {
            ((ToggleButton) stage.getScene().lookup("#mode-WEEK")).fire();
            return null;
        });
        settle(2500);
        save(stage.getScene(), out.resolve("02-week.png"));
        mode(stage, CalendarMode.RESOURCES);
        save(stage.getScene(), out.resolve("03-resources-day.png"));
        mode(stage, CalendarMode.MONTH);
        save(stage.getScene(), out.resolve("04-month.png"));
        mode(stage, CalendarMode.DAY);
        save(stage.getScene(), out.resolve("05-day.png"));

        Platform.runLater(() -> ((Button) stage.getScene().lookup("#newBooking")).fire());
        waitUntil(() -> openDialog().isPresent());
        Window dialog = onFx(Screenshots::openDialog).orElseThrow();
        onFx(() -> {
            Scene scene = dialog.getScene();
            ((CheckBox) scene.lookup("#newCustomer")).setSelected(true);
            ((TextField) scene.lookup("#newCustomerName")).setText("Grace Hopper");
            ((TextField) scene.lookup("#newCustomerEmail")).setText("grace@example.com");
            @SuppressWarnings("unchecked")
            ComboBox<java.time.LocalTime> start = (ComboBox<java.time.LocalTime>) scene.lookup("#start");
            @SuppressWarnings("unchecked")
            ComboBox<java.time.LocalTime> end = (ComboBox<java.time.LocalTime>) scene.lookup("#end");
            start.setValue(java.time.LocalTime.of(10, 0));
            end.setValue(java.time.LocalTime.of(12, 0));
            dialog.sizeToScene();
            return null;
        });
        settle(2000);
        save(dialog.getScene(), out.resolve("06-booking-dialog-clash.png"));
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<java.time.LocalTime> start = (ComboBox<java.time.LocalTime>) dialog.getScene().lookup("#start");
            @SuppressWarnings("unchecked")
            ComboBox<java.time.LocalTime> end = (ComboBox<java.time.LocalTime>) dialog.getScene().lookup("#end");
            start.setValue(java.time.LocalTime.of(17, 0));
            end.setValue(java.time.LocalTime.of(19, 0));
            return null;
        });
        settle(1500);
        save(dialog.getScene(), out.resolve("07-booking-dialog-free.png"));
        onFx(() -> {
            ((Stage) dialog).close();
            return null;
        });
        settle(500);
        onFx(() -> {
            app.stop();
            stage.close();
            return null;
        });
        LOG.info("Screenshots saved in {}", out.toAbsolutePath());
        Platform.exit();
        System.exit(0);
    }

    private static void mode(Stage stage, CalendarMode mode) throws Exception {
        onFx(() -> {
            ((ToggleButton) stage.getScene().lookup("#mode-" + mode.name())).fire();
            return null;
        });
        settle(2500);
    }

    /** Call on the JavaFX thread. */
    private static Optional<Window> openDialog() {
        return Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#bookingDialog") != null).findFirst();
    }

    /** A small venue's week around today, as a first pull would bring it, plus one booking the server refused. */
    private static void seed(DeskStore store) {
        List<Resource> rooms = List.of(
                room("Ada Room", ResourceType.MEETING_ROOM, 8, "40.00"),
                room("Turing Hall", ResourceType.VENUE, 80, "120.00"),
                room("Hopper Studio", ResourceType.MEETING_ROOM, 4, "25.00"),
                room("Projector Kit", ResourceType.EQUIPMENT, 1, "10.00"));
        List<Customer> guests = List.of(
                guest("Ada Lovelace"), guest("Alan Turing"), guest("Katherine Johnson"), guest("Tim Berners-Lee"),
                guest("Margaret Hamilton"), guest("Linus Torvalds"));
        List<Change> changes = new ArrayList<>();
        int cursor = 0;
        for (Resource r : rooms) {
            changes.add(new Change(String.valueOf(++cursor), EntityType.RESOURCE, r.id(), 1, false, r));
        }
        for (Customer c : guests) {
            changes.add(new Change(String.valueOf(++cursor), EntityType.CUSTOMER, c.id(), 1, false, c));
        }
        LocalDate monday = LocalDate.now(BERLIN).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // {room, guest, from hour, to hour}: no two overlap on one room, as the server guarantees
        int[][] plan = {{0, 0, 9, 11}, {0, 1, 13, 15}, {1, 2, 10, 12}, {1, 3, 14, 18}, {2, 4, 8, 9}, {2, 0, 11, 13},
            {3, 5, 9, 10}, {0, 2, 11, 12}, {3, 1, 15, 17}, {1, 1, 8, 10}, {2, 3, 16, 18}, {0, 4, 15, 16}};
        for (int day = 0; day < 5; day++) {
            for (int i = 0; i < plan.length; i++) {
                if ((i + day) % 3 == 0) {
                    continue;
                }
                int[] p = plan[i];
                LocalDate date = monday.plusDays(day);
                TimeRange range = new TimeRange(date.atTime(p[2], 0).atZone(BERLIN).toInstant(),
                        date.atTime(p[3], 0).atZone(BERLIN).toInstant());
                BookingStatus status = date.isBefore(LocalDate.now(BERLIN)) ? BookingStatus.COMPLETED : BookingStatus.CONFIRMED;
                Booking booking = new Booking(UUID.randomUUID(), rooms.get(p[0]).id(), guests.get(p[1]).id(), range, status,
                        rooms.get(p[0]).pricePerHour().times(java.math.BigDecimal.valueOf(p[3] - p[2])), "", 1, null,
                        range.start().minusSeconds(86_400 * 3), null, "");
                changes.add(new Change(String.valueOf(++cursor), EntityType.BOOKING, booking.id(), 1, false, booking));
            }
        }
        store.applyPulled(changes);
        LocalBookings bookings = new LocalBookings(store, Clock.systemUTC(), UUID.randomUUID());
        LocalDate today = LocalDate.now(BERLIN);
        bookings.createBooking(rooms.get(2).id(), guests.get(3).id(),
                new TimeRange(today.atTime(18, 0).atZone(BERLIN).toInstant(), today.atTime(19, 30).atZone(BERLIN).toInstant()), "walk-in");
        LocalWrite refusedLater = bookings.createBooking(rooms.get(3).id(), guests.get(5).id(),
                new TimeRange(today.atTime(7, 0).atZone(BERLIN).toInstant(), today.atTime(8, 0).atZone(BERLIN).toInstant()), "");
        List<OutboxEntry> pending = store.pendingOutbox(10);
        OutboxEntry refused = pending.get(pending.size() - 1);
        if (refusedLater instanceof LocalWrite.Recorded) {
            Slot instead = new Slot(rooms.get(3).id(), today.atTime(8, 0).atZone(BERLIN).toInstant(), today.atTime(9, 0).atZone(BERLIN).toInstant());
            store.settle(List.of(refused), List.of(new MutationOutcome.Overlap(refused.mutation().mutationId(), List.of(UUID.randomUUID()),
                    List.of(instead), "another desk booked the projector kit first")));
        }
    }

    private static Resource room(String name, ResourceType type, int capacity, String price) {
        return new Resource(UUID.randomUUID(), name, "", type, capacity, Money.of(price, "EUR"), Location.none(), List.of(),
                true, null, BERLIN, 1);
    }

    private static Customer guest(String name) {
        return new Customer(UUID.randomUUID(), name, name.toLowerCase().replace(' ', '.') + "@example.com", null, "", 1);
    }

    private static void settle(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
