package com.venuedesk.desk.navigation;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.model.domain.Role;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class NavigationViewTest {
    private final Map<Section, Node> screens = new EnumMap<>(Section.class);

    @Start
    void start(Stage stage) {
        for (Section section : Section.values()) {
            Label screen = new Label(section.name());
            screen.setId("screen-" + section.name());
            screens.put(section, screen);
        }
        NavigationViewModel model = new NavigationViewModel(Section.offeredTo(Role.FRONT_DESK));
        stage.setScene(new Scene(new NavigationView(model, new Messages(Locale.ENGLISH), screens), 800, 500));
        stage.show();
    }

    @Test
    void controlAndANumberSwitchesTheScreen(FxRobot robot) {
        assertThat(screens.get(Section.CALENDAR).isVisible()).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);

        assertThat(screens.get(Section.CUSTOMERS).isVisible()).isTrue();
        assertThat(screens.get(Section.CALENDAR).isVisible()).isFalse();
        assertThat(robot.lookup("#nav-customers").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void clickingAButtonSwitchesAndClickingItAgainKeepsTheScreen(FxRobot robot) {
        robot.clickOn("#nav-handover");
        robot.clickOn("#nav-handover");

        assertThat(screens.get(Section.HANDOVER).isVisible()).isTrue();
        assertThat(robot.lookup("#nav-handover").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void frontDeskStaffSeeNoAdminButtonAndEveryButtonSaysItsShortcut(FxRobot robot) {
        assertThat(robot.lookup("#nav-admin").tryQuery()).isEmpty();
        ToggleButton conflicts = robot.lookup("#nav-conflicts").queryAs(ToggleButton.class);
        assertThat(conflicts.getAccessibleText()).startsWith("Conflicts, shortcut ").endsWith("4");
    }
}
