package com.venuedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.settings.DeskSettings;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.model.domain.Customer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
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
 * The real desk (embedded server, local store, JavaFX under Monocle) with the navigation: a manager moves through
 * every screen with Ctrl+1..5 and creates a customer on the customers screen, which lands in the local store and
 * its outbox and shows on the handover sheet's outbox count.
 */
class ScreensIT {
    @TempDir
    Path home;

    private App app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void startDeskAndSignInAsAdministrator() throws Exception {
        DeskSettings settings = new DeskSettings(home, Optional.empty(), Locale.ENGLISH, ZoneId.of("Europe/Berlin"),
                UUID.randomUUID().toString());
        FxToolkit.registerPrimaryStage();
        app = (App) FxToolkit.setupApplication(() -> new App(settings));
        robot.lookup("#username").query();
        String password = Files.readString(home.resolve("server").resolve("admin-password.txt")).strip();
        robot.clickOn("#username").write("admin");
        robot.clickOn("#password").write(password);
        robot.clickOn("#signIn");
        // a first start: signing in waits for the embedded server, which boots in the background and creates its database
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#mainView").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stopDesk() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shortcut(KeyCode digit) {
        robot.press(KeyCode.CONTROL).type(digit).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** True when some node with the id is visible together with all of its ancestors. */
    private boolean shown(String id) {
        return robot.lookup(id).queryAll().stream().anyMatch(ScreensIT::visibleUpToTheScene);
    }

    private static boolean visibleUpToTheScene(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private String messagesNoConflicts() {
        return app.context().messages().get("nav.noConflicts");
    }

    @Test
    void aManagerReachesEveryScreenByKeyboardAndTheCalendarToolsShowOnlyOnTheCalendar() throws Exception {
        assertThat(shown("#datePicker")).isTrue();

        shortcut(KeyCode.DIGIT2);
        assertThat(shown("#customers")).isTrue();
        assertThat(shown("#datePicker")).isFalse();

        shortcut(KeyCode.DIGIT3);
        assertThat(shown("#handover")).isTrue();

        shortcut(KeyCode.DIGIT4);
        assertThat(shown("#handover")).isFalse();
        assertThat(robot.lookup(messagesNoConflicts()).tryQuery().map(ScreensIT::visibleUpToTheScene)).contains(true);

        shortcut(KeyCode.DIGIT5);
        assertThat(shown("#admin")).isTrue();

        shortcut(KeyCode.DIGIT1);
        assertThat(shown("#datePicker")).isTrue();
        assertThat(shown("#admin")).isFalse();
    }

    @Test
    void aCustomerCreatedOnTheCustomersScreenIsStoredQueuedAndCountedOnTheHandoverSheet() throws Exception {
        shortcut(KeyCode.DIGIT2);
        robot.clickOn("#newCustomer");
        robot.clickOn("#customerName").write("Katherine Johnson");
        robot.clickOn("#customerPhone").write("+1 757 555 0199");
        robot.clickOn("#saveCustomer");

        LocalBookings bookings = new LocalBookings(app.context().store(), Clock.systemUTC(), UUID.randomUUID());
        waitFor(() -> !bookings.searchCustomers("katherine", 5).isEmpty());
        Customer saved = bookings.searchCustomers("katherine", 5).get(0);
        assertThat(saved.phone()).isEqualTo("+1 757 555 0199");
        waitFor(() -> robot.lookup("Katherine Johnson\n+1 757 555 0199").tryQuery().isPresent());

        shortcut(KeyCode.DIGIT3);
        waitFor(() -> robot.lookup("#handoverOutbox").tryQuery().isPresent());
        String outbox = robot.lookup("#handoverOutbox").queryAs(Label.class).getText();
        assertThat(outbox).as("the customer waits in the outbox or has already been pushed")
                .isIn("1 change waiting in the outbox", "Nothing waiting in the outbox");
    }
}
