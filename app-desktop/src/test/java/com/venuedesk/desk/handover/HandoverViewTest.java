package com.venuedesk.desk.handover;

import static com.venuedesk.desk.testing.FrontDesk.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.FrontDesk;
import com.venuedesk.desk.testing.RecordingDialogService;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Customer;
import java.nio.file.Files;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class HandoverViewTest {
    private FrontDesk desk;
    private final RecordingDialogService dialogs = RecordingDialogService.confirmingUnlessTold();

    @Start
    void start(Stage stage) throws Exception {
        desk = new FrontDesk(Files.createTempDirectory("handover-view"));
        Customer ada = desk.customer("Ada Lovelace", "ada@example.com", null);
        Customer grace = desk.customer("Grace Hopper", null, null);
        desk.booking(desk.roomA, ada, TODAY, 10, 12, BookingStatus.CONFIRMED, FrontDesk.NOW, "");
        desk.booking(desk.roomB, grace, TODAY, 8, 9, BookingStatus.NO_SHOW, null, "no answer");
        desk.sync();
        HandoverViewModel model = new HandoverViewModel(desk.bookings, new SameThreadTaskExecutor(), dialogs, desk.messages,
                desk.formats, FrontDesk.CLOCK);
        model.reload();
        stage.setScene(new Scene(new HandoverView(model), 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void theSheetShowsArrivalsWithTheirCheckInAndTheNoShowWithItsReason(FxRobot robot) {
        GridPane arrivals = robot.lookup("#handoverArrivals").queryAs(GridPane.class);
        assertThat(arrivals.getChildren()).extracting(n -> ((Label) n).getText())
                .contains("Ada Lovelace", "Room A").anyMatch(text -> text.startsWith("checked in "));
        GridPane noShows = robot.lookup("#handoverNoShows").queryAs(GridPane.class);
        assertThat(noShows.getChildren()).extracting(n -> ((Label) n).getText()).contains("Grace Hopper", "no answer");
        assertThat(robot.lookup("#handoverDepartures").queryAs(GridPane.class).getChildren()).isNotEmpty();
        assertThat(robot.lookup("#handoverCancellations").queryAs(Label.class).getText()).isEqualTo("None.");
        assertThat(robot.lookup("#handoverOutbox").queryAs(Label.class).getText()).isEqualTo("Nothing waiting in the outbox");
    }
}
