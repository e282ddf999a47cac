package com.venuedesk.desk.customers;

import static com.venuedesk.desk.testing.FrontDesk.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.FrontDesk;
import com.venuedesk.desk.testing.RecordingDialogService;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Customer;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CustomersViewTest {
    private FrontDesk desk;

    @Start
    void start(Stage stage) throws Exception {
        desk = new FrontDesk(Files.createTempDirectory("customers-view"));
        Customer ada = desk.customer("Ada Lovelace", "ada@example.com", null);
        desk.customer("Grace Hopper", "grace@navy.example", "+1 202 555 0100");
        desk.booking(desk.roomA, ada, TODAY.plusDays(1), 10, 12, BookingStatus.CONFIRMED, null, "");
        desk.sync();
        CustomersViewModel model = new CustomersViewModel(desk.bookings, new SameThreadTaskExecutor(), RecordingDialogService.confirmingUnlessTold(),
                desk.messages, desk.formats, FrontDesk.CLOCK);
        model.reload();
        stage.setScene(new Scene(new CustomersView(model, desk.messages), 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @SuppressWarnings("unchecked")
    private static ListView<Customer> list(FxRobot robot) {
        return robot.lookup("#customerList").queryAs(ListView.class);
    }

    @Test
    void typingInTheSearchFieldFiltersTheListAtOnce(FxRobot robot) {
        assertThat(list(robot).getItems()).hasSize(2);

        robot.clickOn("#customerSearch").write("navy");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(list(robot).getItems()).extracting(Customer::name).containsExactly("Grace Hopper");
    }

    @Test
    void choosingACustomerShowsTheirBookingsAndAWrongEmailIsFlaggedAtTheField(FxRobot robot) {
        robot.clickOn("Ada Lovelace\nada@example.com");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#upcomingBookings").queryAs(ListView.class).getItems()).hasSize(1);

        robot.doubleClickOn("#customerEmail").eraseText(20).write("ada(at)example");
        robot.clickOn("#saveCustomer");
        WaitForAsyncUtils.waitForFxEvents();

        Label error = robot.lookup("#customerEmailError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("Not an e-mail address: ada(at)example");
        assertThat(desk.bookings.pendingOutboxCount()).isZero();
    }
}
