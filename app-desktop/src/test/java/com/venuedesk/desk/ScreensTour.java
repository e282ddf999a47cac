package com.venuedesk.desk;

import com.venuedesk.desk.settings.DeskSettings;
import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Location;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.ResourceType;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.sync.Change;
import com.venuedesk.model.sync.EntityType;
import static com.venuedesk.desk.testing.DeskWindow.onFx;
import static com.venuedesk.desk.testing.DeskWindow.save;
import static com.venuedesk.desk.testing.DeskWindow.waitUntil;
import com.venuedesk.desk.testing.DeskWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

/**
 * Starts the real desk (embedded server, fresh home), signs in as the administrator, fills the local store with
 * today's bookings of a small venue, and saves a PNG of each navigation screen: customers, handover, conflicts, admin.
 * Run by {@code scripts/screens-tour.sh} under Xvfb; arguments: output directory, optional language (en, de).
 */
public final class ScreensTour {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private ScreensTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Locale locale = args.length > 1 ? Locale.forLanguageTag(args[1]) : Locale.ENGLISH;
        String suffix = args.length > 1 ? "-" + args[1] : "";
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("venuedesk-tour");
        DeskSettings settings = new DeskSettings(home, Optional.empty(), locale, BERLIN, UUID.randomUUID().toString());
        DeskWindow.Launched desk = DeskWindow.launch(settings);
        App app = desk.app();
        Stage stage = desk.stage();
        waitUntil(() -> stage.getScene() != null && stage.getScene().lookup("#password") != null);
        String password = Files.readString(home.resolve("server").resolve("admin-password.txt")).strip();
        onFx(() -> {
            Scene scene = stage.getScene();
            ((TextField) scene.lookup("#username")).setText("admin");
            ((PasswordField) scene.lookup("#password")).setText(password);
            ((Button) scene.lookup("#signIn")).fire();
            return null;
        });
        waitUntil(() -> stage.getScene().lookup("#mainView") != null);
        seed(app.context().store());
        Thread.sleep(2500);

        open(stage, "nav-customers");
        onFx(() -> {
            ListView<?> list = (ListView<?>) stage.getScene().lookup("#customerList");
            list.getSelectionModel().select(0);
            return null;
        });
        Thread.sleep(1200);
        save(stage.getScene(), out.resolve("10-customers" + suffix + ".png"));
        onFx(() -> {
            ((TextField) stage.getScene().lookup("#customerEmail")).setText("ada(at)example");
            ((Button) stage.getScene().lookup("#saveCustomer")).fire();
            return null;
        });
        Thread.sleep(800);
        save(stage.getScene(), out.resolve("11-customer-invalid" + suffix + ".png"));
        open(stage, "nav-handover");
        save(stage.getScene(), out.resolve("12-handover" + suffix + ".png"));
        open(stage, "nav-conflicts");
        save(stage.getScene(), out.resolve("13-conflicts" + suffix + ".png"));
        open(stage, "nav-admin");
        Thread.sleep(1500);
        save(stage.getScene(), out.resolve("14-admin" + suffix + ".png"));
        onFx(() -> {
            stage.close();
            return null;
        });
        app.stop();
        Platform.exit();
        System.exit(0);
    }

    private static void open(Stage stage, String button) throws Exception {
        onFx(() -> {
            ((ToggleButton) stage.getScene().lookup("#" + button)).fire();
            return null;
        });
        Thread.sleep(1500);
    }

    /** Today's bookings as a pull would have brought them, plus one walk-in booked on this desk (provisional). */
    private static void seed(DeskStore store) {
        LocalDate today = LocalDate.now(BERLIN);
        Instant now = Instant.now();
        Resource roomA = room("Garden Room", "45.00");
        Resource roomB = room("Board Room", "80.00");
        Customer ada = new Customer(UUID.randomUUID(), "Ada Lovelace", "ada@example.com", "+44 20 7946 0000", "prefers tea", 1);
        Customer grace = new Customer(UUID.randomUUID(), "Grace Hopper", "grace@navy.example", "+1 202 555 0100", "", 1);
        Customer alan = new Customer(UUID.randomUUID(), "Alan Turing", "alan@example.org", null, "", 1);
        Customer katherine = new Customer(UUID.randomUUID(), "Katherine Johnson", null, "+1 757 555 0199", "", 1);
        List<Change> changes = new ArrayList<>();
        add(changes, roomA);
        add(changes, roomB);
        for (Customer c : List.of(ada, grace, alan, katherine)) {
            add(changes, c);
        }
        add(changes, booking(roomA, ada, today, 9, 11, BookingStatus.CONFIRMED, now.minusSeconds(1800), ""));
        add(changes, booking(roomB, grace, today, 10, 12, BookingStatus.CONFIRMED, null, ""));
        add(changes, booking(roomA, alan, today, 8, 9, BookingStatus.NO_SHOW, null, "did not answer the phone"));
        add(changes, booking(roomB, katherine, today, 15, 17, BookingStatus.CANCELLED, null, "flight cancelled"));
        add(changes, booking(roomA, ada, today.plusDays(3), 14, 16, BookingStatus.CONFIRMED, null, ""));
        add(changes, booking(roomB, ada, today.minusDays(10), 9, 10, BookingStatus.COMPLETED, null, ""));
        add(changes, booking(roomA, grace, today.minusDays(1), 16, 18, BookingStatus.COMPLETED, null, ""));
        store.applyPulledPage(changes, "seed-" + changes.size());
        LocalBookings bookings = new LocalBookings(store, java.time.Clock.systemUTC(), UUID.randomUUID());
        bookings.createBooking(roomA.id(), grace.id(), range(today, 18, 19), "walk-in");
    }

    private static void add(List<Change> changes, Object record) {
        String cursor = "seed-" + (changes.size() + 1);
        if (record instanceof Resource r) {
            changes.add(new Change(cursor, EntityType.RESOURCE, r.id(), r.revision(), false, r));
        } else if (record instanceof Customer c) {
            changes.add(new Change(cursor, EntityType.CUSTOMER, c.id(), c.revision(), false, c));
        } else if (record instanceof Booking b) {
            changes.add(new Change(cursor, EntityType.BOOKING, b.id(), b.revision(), false, b));
        }
    }

    private static Resource room(String name, String price) {
        return new Resource(UUID.randomUUID(), name, "", ResourceType.MEETING_ROOM, 10, Money.of(price, "EUR"), Location.none(),
                List.of(), true, null, BERLIN, 1);
    }

    private static TimeRange range(LocalDate day, int from, int to) {
        return new TimeRange(day.atTime(from, 0).atZone(BERLIN).toInstant(), day.atTime(to, 0).atZone(BERLIN).toInstant());
    }

    private static Booking booking(Resource room, Customer guest, LocalDate day, int from, int to, BookingStatus status,
                                   Instant checkedIn, String reason) {
        return new Booking(UUID.randomUUID(), room.id(), guest.id(), range(day, from, to), status, room.pricePerHour(), "", 1,
                UUID.randomUUID(), Instant.now().minusSeconds(86_400), checkedIn, reason);
    }
}
