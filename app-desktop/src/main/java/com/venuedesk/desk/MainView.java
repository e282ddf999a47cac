package com.venuedesk.desk;

import com.venuedesk.desk.calendar.CalendarToolbar;
import com.venuedesk.desk.calendar.CalendarViewModel;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.navigation.NavigationView;
import com.venuedesk.desk.status.StatusBarView;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The desk's main screen: calendar toolbar and session controls on top, the calendar in the middle, an optional
 * side panel (conflicts), the status bar at the bottom. Installs the window-wide keyboard shortcuts.
 */
public final class MainView extends BorderPane {
    public static final KeyCombination NEW_BOOKING = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination TODAY = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination TODAY_HOME = new KeyCodeCombination(KeyCode.HOME);
    public static final KeyCombination PREVIOUS = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);
    public static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN);
    public static final KeyCombination SEARCH = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final CalendarViewModel calendar;
    private final CalendarToolbar toolbar;
    /** The calendar's shortcuts exist only while its screen is shown: elsewhere Home, Ctrl+N etc. belong to that screen. */
    private final BooleanProperty calendarShown = new SimpleBooleanProperty(true);

    /**
     * @param username  shown on the session menu
     * @param syncNow   runs a sync at once
     * @param signOut   back to the sign-in screen
     * @param sidePanel shown on the right (e.g. the conflict inbox), or null
     * @param settings  opens the desk settings; null hides the entry (only managers change settings)
     */
    public MainView(Messages messages, CalendarViewModel calendar, Node calendarPane, StatusBarView status,
                    String username, Runnable syncNow, Runnable signOut, Node sidePanel, Runnable settings) {
        this.calendar = calendar;
        this.toolbar = new CalendarToolbar(calendar, messages);
        getStyleClass().add("main-view");
        setId("mainView");

        Button sync = new Button(messages.get("action.syncNow"));
        sync.setId("syncNow");
        sync.setTooltip(new Tooltip(messages.get("action.syncNow")));
        sync.setOnAction(e -> syncNow.run());
        MenuItem signOutItem = new MenuItem(messages.get("action.signOut"));
        signOutItem.setId("signOut");
        signOutItem.setOnAction(e -> signOut.run());
        MenuButton session = new MenuButton(username);
        if (settings != null) {
            MenuItem settingsItem = new MenuItem(messages.get("action.settings"));
            settingsItem.setId("settings");
            settingsItem.setOnAction(e -> settings.run());
            session.getItems().add(settingsItem);
        }
        session.getItems().add(signOutItem);
        session.setId("sessionMenu");
        session.setAccessibleText(messages.get("session.menu", username));
        session.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        sync.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        HBox top = new HBox(8, toolbar, new Separator(javafx.geometry.Orientation.VERTICAL), sync, session);
        HBox.setHgrow(toolbar, Priority.ALWAYS);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8, 10, 8, 10));
        top.getStyleClass().add("top-bar");
        setTop(top);
        setCenter(calendarPane);
        if (sidePanel != null) {
            setRight(sidePanel);
        }
        setBottom(status);
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                uninstall(old);
            }
            if (scene != null) {
                install(scene);
            }
        });
        calendarShown.addListener((obs, was, now) -> {
            if (getScene() != null) {
                uninstall(getScene());
                install(getScene());
            }
        });
    }

    /**
     * Shows the calendar's toolbar and side panel only while {@code calendarShown} holds (the navigation shows another
     * screen otherwise); session controls and the status bar stay.
     */
    public void showCalendarToolsWhen(javafx.beans.value.ObservableBooleanValue calendarShown) {
        this.calendarShown.bind(calendarShown);
        toolbar.getParent().getChildrenUnmodifiable().stream()
                .filter(node -> node == toolbar || node instanceof Separator)
                .forEach(node -> {
                    node.visibleProperty().bind(calendarShown);
                    node.managedProperty().bind(calendarShown);
                });
        Node side = getRight();
        if (side != null) {
            javafx.beans.InvalidationListener toggle = o -> setRight(calendarShown.get() ? side : null);
            calendarShown.addListener(toggle);
            toggle.invalidated(calendarShown);
        }
    }

    /** Adds a control to the calendar's toolbar (e.g. the managers' approvals button), before the search field. */
    public void addCalendarTool(Node tool) {
        toolbar.addTool(tool);
    }

    private Map<KeyCombination, Runnable> calendarShortcuts() {
        return Map.of(NEW_BOOKING, calendar::requestNewBooking,
                TODAY, calendar::today,
                TODAY_HOME, calendar::today,
                PREVIOUS, calendar::previous,
                NEXT, calendar::next);
    }

    private void install(Scene scene) {
        scene.getAccelerators().put(SEARCH, this::focusSearch);
        if (calendarShown.get()) {
            scene.getAccelerators().putAll(calendarShortcuts());
        }
    }

    private void uninstall(Scene scene) {
        scene.getAccelerators().remove(SEARCH);
        calendarShortcuts().keySet().forEach(scene.getAccelerators()::remove);
    }

    /** Ctrl+F: the calendar's search, or the search field of the screen shown instead, if it has one. */
    private void focusSearch() {
        if (calendarShown.get()) {
            toolbar.focusSearch();
            return;
        }
        getCenter().lookupAll("." + NavigationView.SEARCH_FIELD).stream()
                .filter(MainView::shown)
                .filter(TextInputControl.class::isInstance)
                .map(TextInputControl.class::cast)
                .findFirst()
                .ifPresent(field -> {
                    field.requestFocus();
                    field.selectAll();
                });
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
