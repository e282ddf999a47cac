package com.venuedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.calendar.CalendarViewModel;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.navigation.NavigationView;
import com.venuedesk.desk.navigation.NavigationViewModel;
import com.venuedesk.desk.navigation.Section;
import com.venuedesk.desk.status.StatusBarView;
import com.venuedesk.desk.status.StatusViewModel;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.RecordingDialogService;
import com.venuedesk.desk.testing.Venue;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window-wide shortcuts of the main view, with the navigation between the calendar and another screen. */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {
    private Venue venue;
    private CalendarViewModel calendar;
    private NavigationViewModel navigation;
    private final TextField customerSearch = new TextField();

    @Start
    void start(Stage stage) throws Exception {
        venue = new Venue(Files.createTempDirectory("main-view"));
        Messages messages = new Messages(Locale.ENGLISH);
        VenueFormats formats = new VenueFormats(Venue.BERLIN, Locale.GERMANY);
        calendar = new CalendarViewModel(venue.bookings, new SameThreadTaskExecutor(), new RecordingDialogService(), messages,
                formats, Venue.CLOCK, request -> { });
        navigation = new NavigationViewModel(List.of(Section.CALENDAR, Section.CUSTOMERS));
        customerSearch.setId("customerSearch");
        customerSearch.getStyleClass().add(NavigationView.SEARCH_FIELD);
        NavigationView screens = new NavigationView(navigation, messages, Map.of(Section.CALENDAR, new Label("calendar"),
                Section.CUSTOMERS, new VBox(customerSearch)));
        MainView main = new MainView(messages, calendar, screens, new StatusBarView(new StatusViewModel(messages, formats)),
                "desk", () -> { }, () -> { }, null, null);
        main.showCalendarToolsWhen(navigation.currentProperty().isEqualTo(Section.CALENDAR));
        stage.setScene(new Scene(main, 1200, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        venue.close();
    }

    private void open(Section section) {
        WaitForAsyncUtils.asyncFx(() -> navigation.open(section));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void onTheCalendarScreenTheKeysMoveTheCalendarAndCtrlFSearchesBookings(FxRobot robot) {
        LocalDate shown = calendar.dateProperty().get();

        robot.press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
        assertThat(calendar.dateProperty().get()).isEqualTo(shown.plusWeeks(1));
        robot.type(KeyCode.HOME);
        assertThat(calendar.dateProperty().get()).isEqualTo(shown);
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        assertThat(robot.lookup("#search").queryAs(TextField.class).isFocused()).isTrue();
    }

    @Test
    void onAnotherScreenTheCalendarKeysLeaveTheCalendarAloneAndCtrlFSearchesThatScreen(FxRobot robot) {
        open(Section.CUSTOMERS);
        LocalDate shown = calendar.dateProperty().get();

        robot.press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);

        assertThat(calendar.dateProperty().get()).isEqualTo(shown);
        assertThat(customerSearch.isFocused()).isTrue();
        robot.write("Ada").type(KeyCode.HOME);
        assertThat(customerSearch.getCaretPosition()).as("Home moves the caret, not the calendar").isZero();
        assertThat(calendar.dateProperty().get()).isEqualTo(shown);

        open(Section.CALENDAR);
        robot.press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
        assertThat(calendar.dateProperty().get()).isEqualTo(shown.plusWeeks(1));
    }
}
