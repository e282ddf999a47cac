package com.venuedesk.desk.customers;

import atlantafx.base.theme.Styles;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.model.domain.Customer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The customers screen: search and list on the left; the form and the customer's bookings on the right. */
public final class CustomersView extends SplitPane {
    private final TextField search = new TextField();

    public CustomersView(CustomersViewModel model, Messages messages) {
        setId("customers");
        getStyleClass().add("customers-view");
        getItems().addAll(listPane(model, messages), detailPane(model, messages));
        setDividerPositions(0.32);
    }

    private VBox listPane(CustomersViewModel model, Messages messages) {
        search.setId("customerSearch");
        search.getStyleClass().add(com.venuedesk.desk.navigation.NavigationView.SEARCH_FIELD);
        search.setPromptText(messages.get("customers.search"));
        search.setAccessibleText(messages.get("customers.search"));
        search.textProperty().bindBidirectional(model.queryProperty());

        ListView<Customer> list = new ListView<>(model.customers());
        list.setId("customerList");
        list.setAccessibleText(messages.get("customers.list"));
        list.setPlaceholder(new Label(messages.get("customers.none")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Customer customer, boolean empty) {
                super.updateItem(customer, empty);
                if (empty || customer == null) {
                    setText(null);
                } else {
                    String contact = customer.email() != null ? customer.email() : customer.phone() != null ? customer.phone() : "";
                    setText(contact.isEmpty() ? customer.name() : customer.name() + "\n" + contact);
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, customer) -> {
            if (customer != null) {
                model.selectedProperty().set(customer);
            }
        });
        model.selectedProperty().addListener((obs, old, customer) -> {
            if (customer == null) {
                list.getSelectionModel().clearSelection();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button create = new Button(messages.get("customers.create"));
        create.setId("newCustomer");
        create.setMaxWidth(Double.MAX_VALUE);
        create.setOnAction(e -> model.newCustomer());
        VBox pane = new VBox(8, search, list, create);
        pane.setPadding(new Insets(10));
        pane.setMinWidth(240);
        return pane;
    }

    private BorderPane detailPane(CustomersViewModel model, Messages messages) {
        Label title = new Label();
        title.textProperty().bind(model.formTitleProperty());
        title.getStyleClass().add(Styles.TITLE_3);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(4);
        form.getColumnConstraints().addAll(new ColumnConstraints(110), new ColumnConstraints(200, 320, Double.MAX_VALUE));
        int row = 0;
        row = field(form, row, messages.get("customers.name"), "customerName", model.nameProperty(), model.nameErrorProperty());
        row = field(form, row, messages.get("customers.email"), "customerEmail", model.emailProperty(), model.emailErrorProperty());
        row = field(form, row, messages.get("customers.phone"), "customerPhone", model.phoneProperty(), model.phoneErrorProperty());
        TextArea notes = new TextArea();
        notes.setId("customerNotes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(model.notesProperty());
        Label notesLabel = new Label(messages.get("customers.notes"));
        notesLabel.setLabelFor(notes);
        form.addRow(row, notesLabel, notes);

        Button save = new Button(messages.get("customers.save"));
        save.setId("saveCustomer");
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> model.save());

        ListView<CustomersViewModel.BookingLine> upcoming = bookingList("upcomingBookings", model.upcoming(), messages);
        ListView<CustomersViewModel.BookingLine> past = bookingList("pastBookings", model.past(), messages);
        Label upcomingLabel = heading(messages.get("customers.upcoming"));
        Label pastLabel = heading(messages.get("customers.past"));
        VBox history = new VBox(6, upcomingLabel, upcoming, pastLabel, past);
        history.visibleProperty().bind(model.editingProperty());
        history.managedProperty().bind(history.visibleProperty());
        VBox.setVgrow(upcoming, Priority.ALWAYS);
        VBox.setVgrow(past, Priority.ALWAYS);
        VBox.setVgrow(history, Priority.ALWAYS);

        VBox content = new VBox(10, title, form, new HBox(save), history);
        content.setPadding(new Insets(10, 14, 10, 14));
        return new BorderPane(content);
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private static ListView<CustomersViewModel.BookingLine> bookingList(String id,
            javafx.collections.ObservableList<CustomersViewModel.BookingLine> items, Messages messages) {
        ListView<CustomersViewModel.BookingLine> list = new ListView<>(items);
        list.setId(id);
        list.setPlaceholder(new Label(messages.get("customers.noBookings")));
        list.setPrefHeight(140);
        list.setFocusTraversable(true);
        return list;
    }

    /** A labelled text field with its error line underneath; returns the next free row. */
    private static int field(GridPane form, int row, String label, String id, StringProperty value, StringProperty error) {
        TextField input = new TextField();
        input.setId(id);
        input.textProperty().bindBidirectional(value);
        Label caption = new Label(label);
        caption.setLabelFor(input);
        Label message = new Label();
        message.setId(id + "Error");
        message.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        message.textProperty().bind(error);
        message.visibleProperty().bind(Bindings.isNotEmpty(error));
        message.managedProperty().bind(message.visibleProperty());
        message.setWrapText(true);
        error.addListener((obs, old, text) -> input.pseudoClassStateChanged(Styles.STATE_DANGER, text != null && !text.isEmpty()));
        input.accessibleHelpProperty().bind(error);
        form.addRow(row, caption, input);
        form.add(message, 1, row + 1);
        return row + 2;
    }

    /** Puts the cursor into the search field (e.g. when the screen is opened). */
    public void focusSearch() {
        search.requestFocus();
    }
}
