package com.venuedesk.desk.calendar;

import atlantafx.base.theme.Styles;
import com.venuedesk.desk.i18n.Messages;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.collections.ListChangeListener;

/** New booking, today / previous / next, a date picker, the layout switch and the search field. */
public final class CalendarToolbar extends HBox {
    private final TextField search = new TextField();
    private final ContextMenu hits = new ContextMenu();

    public CalendarToolbar(CalendarViewModel model, Messages messages) {
        super(6);
        getStyleClass().add("calendar-toolbar");
        setAlignment(Pos.CENTER_LEFT);

        Button newBooking = button("newBooking", messages.get("action.newBooking"), messages.get("shortcut.newBooking"));
        newBooking.getStyleClass().add(Styles.ACCENT);
        newBooking.setOnAction(e -> model.requestNewBooking());

        Button today = button("today", messages.get("calendar.today"), messages.get("shortcut.today"));
        today.setOnAction(e -> model.today());
        Button previous = button("previous", "\u2039", messages.get("shortcut.previous"));
        previous.setAccessibleText(messages.get("calendar.previous"));
        previous.setOnAction(e -> model.previous());
        Button next = button("next", "\u203a", messages.get("shortcut.next"));
        next.setAccessibleText(messages.get("calendar.next"));
        next.setOnAction(e -> model.next());

        DatePicker picker = new DatePicker();
        picker.setId("datePicker");
        picker.setAccessibleText(messages.get("calendar.date"));
        picker.setPrefWidth(150);
        picker.setMinWidth(150);
        picker.valueProperty().bindBidirectional(model.dateProperty());

        ToggleGroup modes = new ToggleGroup();
        HBox modeButtons = new HBox();
        modeButtons.getStyleClass().add("mode-switch");
        for (CalendarMode mode : CalendarMode.values()) {
            ToggleButton toggle = new ToggleButton(messages.get("calendar.mode." + mode.name()));
            toggle.setId("mode-" + mode.name());
            toggle.setToggleGroup(modes);
            toggle.setUserData(mode);
            toggle.setSelected(model.modeProperty().get() == mode);
            toggle.setOnAction(e -> {
                model.modeProperty().set(mode);
                toggle.setSelected(true);
            });
            modeButtons.getChildren().add(toggle);
        }
        model.modeProperty().addListener((obs, old, now) -> modes.getToggles().forEach(t -> t.setSelected(t.getUserData() == now)));
        modeButtons.getChildren().get(0).getStyleClass().add(Styles.LEFT_PILL);
        modeButtons.getChildren().get(1).getStyleClass().add(Styles.CENTER_PILL);
        modeButtons.getChildren().get(2).getStyleClass().add(Styles.CENTER_PILL);
        modeButtons.getChildren().get(3).getStyleClass().add(Styles.RIGHT_PILL);

        search.setId("search");
        search.setPromptText(messages.get("calendar.search"));
        search.setAccessibleText(messages.get("calendar.search"));
        search.setPrefWidth(200);
        search.setMinWidth(120);
        search.textProperty().bindBidirectional(model.searchTextProperty());
        model.searchHits().addListener((ListChangeListener<SearchHit>) change -> showHits(model));

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        modeButtons.getChildren().forEach(b -> ((ToggleButton) b).setMinWidth(Region.USE_PREF_SIZE));
        getChildren().addAll(newBooking, today, previous, next, picker, grow, modeButtons, search);
    }

    private void showHits(CalendarViewModel model) {
        hits.getItems().clear();
        for (SearchHit hit : model.searchHits()) {
            Label label = new Label(hit.label());
            CustomMenuItem item = new CustomMenuItem(label, true);
            item.setOnAction(e -> {
                model.show(hit);
                hits.hide();
            });
            hits.getItems().add(item);
        }
        if (hits.getItems().isEmpty()) {
            hits.hide();
        } else if (!hits.isShowing() && search.getScene() != null) {
            hits.show(search, Side.BOTTOM, 0, 0);
        }
    }

    /** Puts the cursor into the search field (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private static Button button(String id, String text, String tooltip) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.setAccessibleText(text);
        button.setAccessibleHelp(tooltip);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /** A control of another feature shown in the toolbar, right of the layout switch. */
    public void addTool(javafx.scene.Node tool) {
        int at = getChildren().indexOf(search);
        getChildren().add(at < 0 ? getChildren().size() : at, tool);
    }
}
