package com.venuedesk.desk.navigation;

import com.venuedesk.desk.i18n.Messages;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
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
 * beside it. A screen is built when its section is first shown (start-up builds only the first one), then stays
 * alive while hidden so that switching back is instant and typed input is kept.
 */
public final class NavigationView extends BorderPane {
    /** Style class of a screen's search field: Ctrl+F puts the cursor there while that screen is shown. */
    public static final String SEARCH_FIELD = "screen-search";
    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};

    private final NavigationViewModel model;
    private final Map<Section, Node> screens = new EnumMap<>(Section.class);
    private final Map<Section, Supplier<? extends Node>> builders = new EnumMap<>(Section.class);
    private final Map<KeyCombination, Runnable> shortcuts = new HashMap<>();
    private final StackPane content = new StackPane();

    /** @param screens the screen of each offered section */
    public NavigationView(NavigationViewModel model, Messages messages, Map<Section, Node> screens) {
        this(builtAlready(screens), model, messages);
    }

    /**
     * @param builders builds the screen of each offered section, on the JavaFX thread when the section is first
     *                 shown (before that, its refresh set with {@link NavigationViewModel#whenOpened} is not run)
     */
    public static NavigationView lazy(NavigationViewModel model, Messages messages,
                                      Map<Section, Supplier<? extends Node>> builders) {
        return new NavigationView(builders, model, messages);
    }

    private static Map<Section, Supplier<? extends Node>> builtAlready(Map<Section, Node> screens) {
        Map<Section, Supplier<? extends Node>> builders = new EnumMap<>(Section.class);
        screens.forEach((section, screen) -> builders.put(section, () -> screen));
        return builders;
    }

    private NavigationView(Map<Section, Supplier<? extends Node>> builders, NavigationViewModel model, Messages messages) {
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
            Supplier<? extends Node> builder = builders.get(section);
            if (builder == null) {
                throw new IllegalArgumentException("no screen for " + section);
            }
            this.builders.put(section, builder);

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
        if (old != null && screens.containsKey(old)) {
            screens.get(old).setVisible(false);
        }
        Node screen = screen(section);
        screen.setVisible(true);
        select(group, section);
        screen.requestFocus();
    }

    /** The section's screen, built now if this is its first showing. */
    private Node screen(Section section) {
        return screens.computeIfAbsent(section, s -> {
            Node built = builders.get(s).get();
            content.getChildren().add(built);
            return built;
        });
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
