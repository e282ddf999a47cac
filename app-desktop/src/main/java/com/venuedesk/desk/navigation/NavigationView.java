package com.venuedesk.desk.navigation;

import com.venuedesk.desk.i18n.Messages;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A column of toggle buttons on the left (one per section, with Ctrl+1 ... Ctrl+n) and the chosen section's screen
 * beside it. Screens stay alive while hidden so that switching is instant and typed input is kept.
 */
public final class NavigationView extends BorderPane {
    /** Style class of a screen's search field: Ctrl+F puts the cursor there while that screen is shown. */
    public static final String SEARCH_FIELD = "screen-search";
    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};

    private final NavigationViewModel model;
    private final Map<Section, Node> screens = new EnumMap<>(Section.class);
    private final Map<KeyCombination, Runnable> shortcuts = new HashMap<>();
    private final StackPane content = new StackPane();

    /** @param screens the screen of each offered section */
    public NavigationView(NavigationViewModel model, Messages messages, Map<Section, Node> screens) {
        this.model = model;
        setId("navigation");
        ToggleGroup group = new ToggleGroup();
        VBox bar = new VBox(4);
        bar.setId("navigationBar");
        bar.getStyleClass().add("navigation-bar");
        bar.setPadding(new Insets(8, 6, 8, 6));
        bar.setAccessibleText(messages.get("nav.label"));
        int number = 1;
        for (Section section : model.sections()) {
            Node screen = screens.get(section);
            if (screen == null) {
                throw new IllegalArgumentException("no screen for " + section);
            }
            this.screens.put(section, screen);
            screen.setVisible(false);
            content.getChildren().add(screen);

            String title = messages.get(section.titleKey());
            KeyCombination key = new KeyCodeCombination(DIGITS[number - 1], KeyCombination.SHORTCUT_DOWN);
            ToggleButton button = new ToggleButton(title);
            button.setId("nav-" + section.name().toLowerCase(java.util.Locale.ROOT));
            button.setUserData(section);
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setTooltip(new Tooltip(title + " (" + key.getDisplayText() + ")"));
            button.setAccessibleText(messages.get("nav.accessible", title, key.getDisplayText()));
            bar.getChildren().add(button);
            int index = number;
            shortcuts.put(key, () -> model.openNumber(index));
            number++;
        }
        // a click on the selected button would leave no section selected: keep the model's choice instead
        group.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == null) {
                select(group, model.currentProperty().get());
            } else {
                model.open((Section) toggle.getUserData());
            }
        });
        model.currentProperty().addListener((obs, old, section) -> show(group, old, section));
        show(group, null, model.currentProperty().get());
        setLeft(bar);
        setCenter(content);
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                shortcuts.keySet().forEach(old.getAccelerators()::remove);
            }
            if (scene != null) {
                install(scene);
            }
        });
    }

    private void install(Scene scene) {
        scene.getAccelerators().putAll(shortcuts);
    }

    private void show(ToggleGroup group, Section old, Section section) {
        if (old != null) {
            screens.get(old).setVisible(false);
        }
        Node screen = screens.get(section);
        screen.setVisible(true);
        select(group, section);
        screen.requestFocus();
    }

    private static void select(ToggleGroup group, Section section) {
        for (Toggle toggle : group.getToggles()) {
            if (toggle.getUserData() == section && !toggle.isSelected()) {
                toggle.setSelected(true);
            }
        }
    }

    public NavigationViewModel model() {
        return model;
    }
}
