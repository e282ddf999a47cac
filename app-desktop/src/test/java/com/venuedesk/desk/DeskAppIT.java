package com.venuedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.calendar.CalendarPane;
import com.venuedesk.desk.settings.DeskSettings;
import com.venuedesk.desk.store.LocalBooking;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.testing.Venue;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Location;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.ResourceType;
import com.venuedesk.model.sync.Change;
import com.venuedesk.model.sync.EntityType;
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
        // starting the embedded server and seeding its demo venue takes far longer than TestFX's 10 s default on a busy machine
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(120_000);
        FxToolkit.toolkitContext().setLaunchTimeoutInMillis(120_000);
        FxToolkit.registerPrimaryStage();
        app = (App) FxToolkit.setupApplication(() -> new App(settings));
        robot.lookup("#username").query();
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
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
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

        Resource hall = new Resource(UUID.randomUUID(), "Garden Hall", "", ResourceType.VENUE, 80, Money.of("90.00", "EUR"),
                Location.none(), List.of(), true, null, Venue.BERLIN, 1);
        Customer guest = new Customer(UUID.randomUUID(), "Ada Lovelace", "ada@example.com", null, "", 1);
        app.context().store().applyPulled(List.of(
                new Change("1", EntityType.RESOURCE, hall.id(), 1, false, hall),
                new Change("2", EntityType.CUSTOMER, guest.id(), 1, false, guest)));
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
        List<LocalBooking> booked = new LocalBookings(app.context().store(), Clock.systemUTC(), UUID.randomUUID())
                .localBookingsBetween(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(3)));
        assertThat(booked).filteredOn(local -> local.booking().resourceId().equals(hall.id())).singleElement().satisfies(local -> {
            assertThat(local.provisional()).isTrue();
            assertThat(local.booking().customerId()).isEqualTo(guest.id());
            assertThat(local.booking().notes()).isEqualTo("birthday party");
        });
        assertThat(app.context().store().pendingOutboxCount()).isPositive();
        assertThat(calendar.entriesOf(hall.id())).singleElement()
                .satisfies(entry -> assertThat(entry.getTitle()).isEqualTo("Ada Lovelace (provisional)"));
    }
}
