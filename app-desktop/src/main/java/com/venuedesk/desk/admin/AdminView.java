package com.venuedesk.desk.admin;

import atlantafx.base.theme.Styles;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.ResourceType;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Administration for managers: resources, opening hours, blackouts; a banner says when it needs a connection. */
public final class AdminView extends BorderPane {
    private final AdminViewModel model;
    private final Messages messages;
    private final java.time.format.DateTimeFormatter dateFormat;

    public AdminView(AdminViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        this.dateFormat = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(messages.locale());
        setId("admin");
        getStyleClass().add("admin-view");

        Label notice = new Label();
        notice.setId("adminNotice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.getStyleClass().addAll("admin-notice", Styles.WARNING);
        notice.setPadding(new Insets(6, 12, 6, 12));
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(Bindings.isNotEmpty(model.noticeProperty()));
        notice.managedProperty().bind(notice.visibleProperty());
        Button retry = new Button(messages.get("admin.reload"));
        retry.setId("adminReload");
        retry.setOnAction(e -> model.reload());
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, notice, spacer, retry);
        HBox.setHgrow(notice, Priority.ALWAYS);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 12, 0, 12));
        setTop(top);

        TabPane tabs = new TabPane(tab("adminResourcesTab", messages.get("admin.resources"), resourcesPane()),
                tab("adminHoursTab", messages.get("admin.hours"), hoursPane()),
                tab("adminBlackoutsTab", messages.get("admin.blackouts"), blackoutsPane()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.disableProperty().bind(model.onlineProperty().not());
        setCenter(tabs);
    }

    private static Tab tab(String id, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    private Node resourcesPane() {
        ListView<AdminResource> list = new ListView<>(model.resources());
        list.setId("adminResourceList");
        list.setAccessibleText(messages.get("admin.resources"));
        list.setPlaceholder(new Label(messages.get("admin.noResources")));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, r) -> {
            if (r != null) {
                model.selectedProperty().set(r);
            }
        });
        model.selectedProperty().addListener((obs, old, r) -> {
            if (r == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != r) {
                list.getSelectionModel().select(r);
            }
        });
        Button create = new Button(messages.get("admin.newResource"));
        create.setId("adminNewResource");
        create.setMaxWidth(Double.MAX_VALUE);
        create.setOnAction(e -> model.newResource());
        VBox left = new VBox(8, list, create);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPrefWidth(240);

        GridPane form = form();
        int row = 0;
        row = text(form, row, "admin.name", "adminName", model.nameProperty(), "name");
        ComboBox<ResourceType> type = new ComboBox<>();
        type.getItems().setAll(ResourceType.values());
        type.setConverter(enumText("resourceType."));
        type.valueProperty().bindBidirectional(model.typeProperty());
        row = field(form, row, "admin.type", "adminType", type, "type");
        row = text(form, row, "admin.capacity", "adminCapacity", model.capacityProperty(), "capacity");
        row = text(form, row, "admin.price", "adminPrice", model.priceProperty(), "pricePerHour.amount");
        row = text(form, row, "admin.currency", "adminCurrency", model.currencyProperty(), "pricePerHour.currency");
        row = text(form, row, "admin.timeZone", "adminTimeZone", model.timeZoneProperty(), "timeZone");
        CheckBox active = new CheckBox(messages.get("admin.active"));
        active.setId("adminActive");
        active.selectedProperty().bindBidirectional(model.activeProperty());
        CheckBox approval = new CheckBox(messages.get("admin.requiresApproval"));
        approval.setId("adminApproval");
        approval.selectedProperty().bindBidirectional(model.requiresApprovalProperty());
        form.add(active, 1, row++);
        form.add(approval, 1, row++);
        Button save = new Button(messages.get("admin.saveResource"));
        save.setId("adminSaveResource");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> model.saveResource());
        form.add(save, 1, row);

        HBox pane = new HBox(16, left, form);
        HBox.setHgrow(form, Priority.ALWAYS);
        pane.setPadding(new Insets(12));
        return pane;
    }

    private Node hoursPane() {
        Label forWhich = new Label();
        forWhich.getStyleClass().add(Styles.TITLE_4);
        forWhich.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? messages.get("admin.pickResource")
                : messages.get("admin.hoursOf", model.selectedProperty().get().name()), model.selectedProperty()));
        ListView<AvailabilityRule> list = new ListView<>(model.rules());
        list.setId("adminRuleList");
        list.setPlaceholder(new Label(messages.get("admin.noRules")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(AvailabilityRule rule, boolean empty) {
                super.updateItem(rule, empty);
                if (empty || rule == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(null);
                setGraphic(removable(rule.dayOfWeek().getDisplayName(TextStyle.FULL, messages.locale()) + "  " + rule.startTime()
                        + "\u2013" + rule.endTime() + (rule.available() ? "" : "  (" + messages.get("admin.closed") + ")"),
                        () -> model.deleteRule(rule)));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        ComboBox<DayOfWeek> day = new ComboBox<>();
        day.setId("adminRuleDay");
        day.getItems().setAll(DayOfWeek.values());
        day.setConverter(new StringConverter<>() {
            @Override
            public String toString(DayOfWeek d) {
                return d == null ? "" : d.getDisplayName(TextStyle.FULL, messages.locale());
            }

            @Override
            public DayOfWeek fromString(String s) {
                return null;
            }
        });
        day.valueProperty().bindBidirectional(model.ruleDayProperty());
        GridPane form = form();
        int row = field(form, 0, "admin.day", "adminRuleDayField", day, "dayOfWeek");
        row = text(form, row, "admin.from", "adminRuleStart", model.ruleStartProperty(), "startTime");
        row = text(form, row, "admin.to", "adminRuleEnd", model.ruleEndProperty(), "endTime");
        CheckBox open = new CheckBox(messages.get("admin.open"));
        open.setId("adminRuleOpen");
        open.selectedProperty().bindBidirectional(model.ruleAvailableProperty());
        form.add(open, 1, row++);
        Button add = new Button(messages.get("admin.addRule"));
        add.setId("adminAddRule");
        add.disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
        add.setOnAction(e -> model.addRule());
        form.add(add, 1, row);
        VBox left = new VBox(8, forWhich, list);
        left.setPrefWidth(360);
        HBox pane = new HBox(16, left, form);
        pane.setPadding(new Insets(12));
        return pane;
    }

    private Node blackoutsPane() {
        ListView<Blackout> list = new ListView<>(model.blackouts());
        list.setId("adminBlackoutList");
        list.setPlaceholder(new Label(messages.get("admin.noBlackouts")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Blackout blackout, boolean empty) {
                super.updateItem(blackout, empty);
                if (empty || blackout == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(null);
                setGraphic(removable(dateFormat.format(blackout.startDate()) + " \u2013 " + dateFormat.format(blackout.endDate()) + "  " + model.blackoutScope(blackout)
                        + (blackout.reason().isEmpty() ? "" : "  \u00b7 " + blackout.reason()), () -> model.deleteBlackout(blackout)));
            }
        });
        VBox left = new VBox(8, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPrefWidth(520);
        left.setMinWidth(360);

        ComboBox<AdminResource> scope = new ComboBox<>();
        scope.setId("adminBlackoutResource");
        scope.setPromptText(messages.get("admin.wholeVenue"));
        scope.setItems(model.resources());
        scope.valueProperty().bindBidirectional(model.blackoutResourceProperty());
        Button wholeVenue = new Button(messages.get("admin.wholeVenue"));
        wholeVenue.getStyleClass().add(Styles.SMALL);
        wholeVenue.setOnAction(e -> scope.setValue(null));
        DatePicker from = new DatePicker();
        from.setId("adminBlackoutStart");
        from.setConverter(new javafx.util.converter.LocalDateStringConverter(dateFormat, dateFormat));
        from.valueProperty().bindBidirectional(model.blackoutStartProperty());
        DatePicker to = new DatePicker();
        to.setId("adminBlackoutEnd");
        to.setConverter(new javafx.util.converter.LocalDateStringConverter(dateFormat, dateFormat));
        to.valueProperty().bindBidirectional(model.blackoutEndProperty());
        GridPane form = form();
        int row = field(form, 0, "admin.scope", "adminBlackoutScope", new HBox(6, scope, wholeVenue), "resourceId");
        row = field(form, row, "admin.from", "adminBlackoutFrom", from, "startDate");
        row = field(form, row, "admin.to", "adminBlackoutTo", to, "endDate");
        row = text(form, row, "admin.reason", "adminBlackoutReason", model.blackoutReasonProperty(), "reason");
        Button add = new Button(messages.get("admin.addBlackout"));
        add.setId("adminAddBlackout");
        add.disableProperty().bind(model.busyProperty());
        add.setOnAction(e -> model.addBlackout());
        form.add(add, 1, row);
        HBox pane = new HBox(16, left, form);
        pane.setPadding(new Insets(12));
        return pane;
    }

    /** A list line: the text, and a small Remove button at the right edge. */
    private HBox removable(String text, Runnable remove) {
        Label label = new Label(text);
        label.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(label, Priority.ALWAYS);
        Button button = new Button(messages.get("admin.remove"));
        button.getStyleClass().add(Styles.SMALL);
        button.setAccessibleText(messages.get("admin.remove") + ": " + text);
        button.setOnAction(e -> remove.run());
        HBox line = new HBox(8, label, button);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setMaxWidth(Double.MAX_VALUE);
        return line;
    }

    private static GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(4);
        form.getColumnConstraints().addAll(new ColumnConstraints(130), new ColumnConstraints(180, 280, 420));
        return form;
    }

    private int text(GridPane form, int row, String labelKey, String id, StringProperty value, String field) {
        TextField input = new TextField();
        input.textProperty().bindBidirectional(value);
        return field(form, row, labelKey, id, input, field);
    }

    /** A labelled input with the server's or the record's message for {@code field} underneath. */
    private int field(GridPane form, int row, String labelKey, String id, Node input, String field) {
        input.setId(id);
        Label caption = new Label(messages.get(labelKey));
        caption.setLabelFor(input);
        StringProperty error = model.errorProperty(field);
        Label message = new Label();
        message.setId(id + "Error");
        message.setWrapText(true);
        message.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        message.textProperty().bind(error);
        message.visibleProperty().bind(Bindings.isNotEmpty(error));
        message.managedProperty().bind(message.visibleProperty());
        if (input instanceof Control control) {
            control.accessibleHelpProperty().bind(error);
            error.addListener((obs, old, text) -> control.pseudoClassStateChanged(Styles.STATE_DANGER, text != null && !text.isEmpty()));
        }
        form.addRow(row, caption, input);
        form.add(message, 1, row + 1);
        return row + 2;
    }

    private <E extends Enum<E>> StringConverter<E> enumText(String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : messages.get(prefix + value.name());
            }

            @Override
            public E fromString(String text) {
                return null;
            }
        };
    }
}
