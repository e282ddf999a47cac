package com.venuedesk.desk.navigation;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.model.domain.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LazyNavigationViewTest {
    private final List<Section> built = new ArrayList<>();
    private final List<Section> refreshed = new ArrayList<>();

    @Start
    void start(Stage stage) {
        NavigationViewModel model = new NavigationViewModel(Section.offeredTo(Role.FRONT_DESK));
        Map<Section, Supplier<? extends Node>> builders = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            builders.put(section, () -> {
                built.add(section);
                model.whenOpened(section, () -> refreshed.add(section));
                Label screen = new Label(section.name());
                screen.setId("screen-" + section.name());
                return screen;
            });
        }
        stage.setScene(new Scene(NavigationView.lazy(model, new Messages(Locale.ENGLISH), builders), 800, 500));
        stage.show();
    }

    @Test
    void onlyTheFirstSectionsScreenIsBuiltAtStart(FxRobot robot) {
        assertThat(built).containsExactly(Section.CALENDAR);
        assertThat(robot.lookup("#screen-CUSTOMERS").tryQuery()).isEmpty();
    }

    @Test
    void aScreenIsBuiltOnceWhenItsSectionIsFirstOpenedAndRefreshedOnLaterOpenings(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertThat(robot.lookup("#screen-CUSTOMERS").queryAs(Label.class).isVisible()).isTrue();
        assertThat(refreshed).isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);

        assertThat(built).containsExactly(Section.CALENDAR, Section.CUSTOMERS);
        assertThat(refreshed).as("each built screen refreshes when opened again").containsExactly(Section.CALENDAR, Section.CUSTOMERS);
        assertThat(robot.lookup("#screen-CALENDAR").queryAs(Label.class).isVisible()).isFalse();
    }
}
