package com.venuedesk.desk.admin;

import static com.venuedesk.desk.admin.AdminClientTest.ROOM_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.RecordingDialogService;
import java.time.ZoneId;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AdminViewTest {
    private final Messages messages = new Messages(Locale.ENGLISH);
    private AdminServer server;
    private AdminViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        server = new AdminServer();
        model = new AdminViewModel(server.client, new SameThreadTaskExecutor(), RecordingDialogService.confirmingUnlessTold(), messages,
                ZoneId.of("Europe/Berlin"), () -> { });
        server.answer(200, "[" + ROOM_JSON + "]");
        server.answer(200, "[]");
        model.reload();
        stage.setScene(new Scene(new AdminView(model, messages), 1100, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFieldTheServerRefusesIsFlaggedBesideThatField(FxRobot robot) {
        server.answer(200, "[]");
        robot.clickOn("Room A");
        server.answer(400, "{\"title\":\"Invalid input\",\"status\":400,\"detail\":\"capacity exceeds the fire code\",\"field\":\"capacity\"}");

        robot.doubleClickOn("#adminCapacity").write("900");
        robot.clickOn("#adminSaveResource");
        WaitForAsyncUtils.waitForFxEvents();

        Label error = robot.lookup("#adminCapacityError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("capacity exceeds the fire code");
    }

    @Test
    void offlineTheTabsAreLockedAndTheBannerSaysAdminNeedsAConnection(FxRobot robot) {
        robot.interact(() -> model.onlineProperty().set(false));
        robot.clickOn("#adminReload");

        Label notice = robot.lookup("#adminNotice").queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).isEqualTo(messages.get("admin.offline"));
        assertThat(robot.lookup(".tab-pane").queryAs(TabPane.class).isDisabled()).isTrue();
    }
}
