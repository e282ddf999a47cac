package com.venuedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.calendar.CalendarPane;
import com.venuedesk.desk.settings.DeskSettings;
import com.venuedesk.desk.store.LocalBooking;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.testing.Venue;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.desk.testing.DeskUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real desk (real embedded server, real local store, real JavaFX under Monocle) in a fresh home directory:
 * sign in, see bookings in the calendar, book through the dialog.
 */
class DeskAppIT {
    @TempDir
    Path home;

    private App app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void startDesk() throws Exception {
        DeskSettings settings = new DeskSettings(home, Optional.empty(), Locale.ENGLISH, Venue.BERLIN, UUID.randomUUID().toString());
        app = DeskUnderTest.launch(settings, robot);
    }

    @AfterEach
    void stopDesk() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private String adminPassword() throws Exception {
        return Files.readString(home.resolve("server").resolve("admin-password.txt")).strip();
    }

    private void signIn(String username, String password) {
        robot.clickOn("#username").write(username);
        robot.clickOn("#password").write(password);
        robot.clickOn("#signIn");
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        // generous: at a first start, signing in waits for the embedded server, which boots (and seeds) in the background
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aWrongPasswordIsShownNextToThePasswordField() throws Exception {
        signIn("admin", "not-the-password");

        waitFor(() -> robot.lookup("#passwordError").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#passwordError").queryAs(Label.class).getText()).isNotBlank();
        assertThat(robot.lookup("#mainView").tryQuery()).isEmpty();
    }

    @Test
    void theKeyboardMovesTheCalendarAndAManagerFindsTheSettings() throws Exception {
        signIn("admin", adminPassword());
        waitFor(() -> robot.lookup("#mainView").tryQuery().isPresent());
        javafx.scene.control.DatePicker picker = robot.lookup("#datePicker").queryAs(javafx.scene.control.DatePicker.class);
        java.time.LocalDate today = picker.getValue();

        robot.press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
        waitFor(() -> today.plusWeeks(1).equals(picker.getValue()));
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        waitFor(() -> today.equals(picker.getValue()));
        robot.clickOn("#mode-DAY");
        robot.press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT);
        waitFor(() -> today.minusDays(1).equals(picker.getValue()));

        robot.clickOn("#sessionMenu");
        assertThat(robot.lookup("#settings").tryQuery()).isPresent();
        robot.clickOn("Desk settings\u2026");
        waitFor(() -> robot.lookup("#settingsDialog").tryQuery().isPresent());
        robot.clickOn("Cancel");
        waitFor(() -> robot.lookup("#settingsDialog").tryQuery().isEmpty());
    }

    @Test
    void signedInStaffSeeTheCalendarAndBookAGuestThroughTheDialog() throws Exception {
        signIn("admin", adminPassword());
        waitFor(() -> robot.lookup("#mainView").tryQuery().isPresent());

        // the hall and the guest exist on the (embedded) server, so the desk's push of the booking is applied there
        com.venuedesk.server.testing.ApiClient admin = new com.venuedesk.server.testing.ApiClient(
                app.context().embeddedServer().orElseThrow().baseUri());
        admin = admin.withToken(admin.post("/api/v1/auth/login", java.util.Map.of("username", "admin", "password",
                adminPassword())).json().get("accessToken").asText());
        UUID hallId = UUID.fromString(admin.post("/api/v1/resources", java.util.Map.of("name", "Garden Hall", "type", "VENUE",
                "capacity", 80, "pricePerHour", java.util.Map.of("amount", "90.00", "currency", "EUR"),
                "timeZone", "Europe/Berlin")).json().get("id").asText());
        UUID guestId = UUID.fromString(admin.post("/api/v1/customers", java.util.Map.of("name", "Ada Lovelace",
                "email", "ada@example.com")).json().get("id").asText());
        LocalBookings local = new LocalBookings(app.context().store(), Clock.systemUTC(), UUID.randomUUID());
        waitFor(() -> local.customer(guestId).isPresent() && local.resources().stream().anyMatch(r -> r.id().equals(hallId)));
        Resource hall = local.resources().stream().filter(r -> r.id().equals(hallId)).findFirst().orElseThrow();
        Customer guest = local.customer(guestId).orElseThrow();
        CalendarPane calendar = robot.lookup("#calendar").queryAs(CalendarPane.class);

        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#bookingDialog").tryQuery().isPresent());
        waitFor(() -> !robot.lookup("#quote").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#availability").queryAs(Label.class).getText()).startsWith("Free");

        robot.clickOn("#customer").write("lovelace");
        waitFor(() -> robot.lookup("Ada Lovelace <ada@example.com>").tryQuery().isPresent());
        robot.clickOn("Ada Lovelace <ada@example.com>");
        robot.clickOn("#notes").write("birthday party");
        robot.clickOn("#saveBooking");

        waitFor(() -> robot.lookup("#bookingDialog").tryQuery().isEmpty());
        waitFor(() -> !calendar.entriesOf(hall.id()).isEmpty());
        List<LocalBooking> booked = local.localBookingsBetween(Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(3)));
        assertThat(booked).filteredOn(b -> b.booking().resourceId().equals(hall.id())).singleElement().satisfies(b -> {
            assertThat(b.booking().customerId()).isEqualTo(guest.id());
            assertThat(b.booking().notes()).isEqualTo("birthday party");
        });
        UUID bookingId = booked.stream().filter(b -> b.booking().resourceId().equals(hall.id())).findFirst()
                .orElseThrow().booking().id();
        // the sync engine pushes it; the server confirms it and the calendar drops the provisional mark
        waitFor(() -> local.booking(bookingId).map(b -> !b.provisional() && !b.refused()).orElse(false));
        assertThat(app.context().store().pendingOutboxCount()).isZero();
        waitFor(() -> calendar.entriesOf(hall.id()).size() == 1
                && calendar.entriesOf(hall.id()).get(0).getTitle().equals("Ada Lovelace"));
    }
}
