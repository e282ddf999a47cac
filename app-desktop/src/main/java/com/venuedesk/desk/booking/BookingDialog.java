package com.venuedesk.desk.booking;

import atlantafx.base.theme.Styles;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Resource;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The booking dialog: fields on the left, availability, price and alternatives on the right. */
public final class BookingDialog extends Dialog<Booking> {
    private static final int MINUTES_STEP = 15;

    /** Room left around the dialog on the screen (window frame, task bar). */
    private static final double SCREEN_MARGIN = 24;
    /** Below this screen width (in JavaFX pixels, i.e. after 125 / 150 % scaling) the side panel goes below the form. */
    private static final double SIDE_BY_SIDE_WIDTH = 1100;

    private final Rectangle2D screenArea;
    private ScrollPane scroll;
    private javafx.scene.layout.Region content;

    public BookingDialog(BookingDialogViewModel model, Messages messages, VenueFormats formats, Window owner) {
        this(model, messages, formats, owner, screenOf(owner));
    }

    /**
     * @param screenArea the part of the screen the dialog must fit into (the owner's screen's visual bounds, in
     *                   JavaFX pixels: at 150 % a 1280x800 screen is 853x533)
     */
    public BookingDialog(BookingDialogViewModel model, Messages messages, VenueFormats formats, Window owner,
                         Rectangle2D screenArea) {
        this.screenArea = screenArea;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(messages.get(model.changing() ? "booking.title.edit" : "booking.title"));
        setHeaderText(null);
        setResizable(true);
        getDialogPane().setId("bookingDialog");

        ComboBox<Resource> resource = new ComboBox<>(model.resources());
        resource.setId("resource");
        resource.setAccessibleText(messages.get("booking.resource"));
        resource.setMaxWidth(Double.MAX_VALUE);
        resource.setConverter(new StringConverter<>() {
            @Override
            public String toString(Resource r) {
                return r == null ? "" : r.name();
            }

            @Override
            public Resource fromString(String s) {
                return null;
            }
        });
        resource.valueProperty().bindBidirectional(model.resourceProperty());

        TextField customer = new TextField();
        customer.setId("customer");
        customer.setPromptText(messages.get("booking.customer.search"));
        customer.setAccessibleText(messages.get("booking.customer"));
        customer.textProperty().bindBidirectional(model.customerQueryProperty());
        ListView<Customer> suggestions = new ListView<>(model.customerSuggestions());
        suggestions.setId("customerSuggestions");
        suggestions.setPrefHeight(110);
        suggestions.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Customer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : BookingDialogViewModel.customerLabel().apply(item));
            }
        });
        suggestions.visibleProperty().bind(Bindings.isNotEmpty(model.customerSuggestions()));
        suggestions.managedProperty().bind(suggestions.visibleProperty());
        suggestions.setOnMouseClicked(e -> chooseFrom(suggestions, model));
        suggestions.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                chooseFrom(suggestions, model);
                e.consume();
            }
        });
        customer.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DOWN && !model.customerSuggestions().isEmpty()) {
                suggestions.requestFocus();
                suggestions.getSelectionModel().selectFirst();
            }
        });

        CheckBox newCustomer = new CheckBox(messages.get("booking.customer.new"));
        newCustomer.setId("newCustomer");
        newCustomer.selectedProperty().bindBidirectional(model.newCustomerProperty());
        TextField name = field("newCustomerName", messages.get("customer.name"), model.newCustomerNameProperty());
        TextField email = field("newCustomerEmail", messages.get("customer.email"), model.newCustomerEmailProperty());
        TextField phone = field("newCustomerPhone", messages.get("customer.phone"), model.newCustomerPhoneProperty());
        VBox newCustomerFields = new VBox(4, name, email, phone);
        newCustomerFields.visibleProperty().bind(model.newCustomerProperty());
        newCustomerFields.managedProperty().bind(model.newCustomerProperty());
        customer.disableProperty().bind(model.newCustomerProperty());

        DatePicker date = datePicker("date", messages.get("booking.date"));
        date.valueProperty().bindBidirectional(model.dateProperty());
        ComboBox<LocalTime> start = timeBox("start", messages.get("booking.start"), formats);
        start.valueProperty().bindBidirectional(model.startProperty());
        DatePicker endDate = datePicker("endDate", messages.get("booking.endDate"));
        endDate.valueProperty().bindBidirectional(model.endDateProperty());
        ComboBox<LocalTime> end = timeBox("end", messages.get("booking.end"), formats);
        end.valueProperty().bindBidirectional(model.endProperty());
        HBox from = new HBox(6, date, start);
        from.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox until = new HBox(6, endDate, end);
        until.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        CheckBox recordPast = new CheckBox(messages.get("booking.recordPast"));
        recordPast.setId("recordPast");
        recordPast.setWrapText(true);
        recordPast.selectedProperty().bindBidirectional(model.recordPastProperty());
        recordPast.visibleProperty().bind(model.startsInPastProperty().or(model.recordPastProperty()));
        recordPast.managedProperty().bind(recordPast.visibleProperty());
        VBox times = new VBox(4, from, until, recordPast);

        TextArea notes = new TextArea();
        notes.setId("notes");
        notes.setAccessibleText(messages.get("booking.notes"));
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(model.notesProperty());
        // Tab leaves the notes as it leaves every other field (a TextArea would insert a tab character)
        notes.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                notes.fireEvent(new KeyEvent(e.getSource(), e.getTarget(), e.getEventType(), e.getCharacter(), e.getText(),
                        e.getCode(), e.isShiftDown(), true, e.isAltDown(), e.isMetaDown()));
            }
        });

        GridPane form = new GridPane();
        javafx.scene.layout.ColumnConstraints captions = new javafx.scene.layout.ColumnConstraints();
        captions.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setMinWidth(450);
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        form.getColumnConstraints().addAll(captions, fields);
        form.setHgap(10);
        form.setVgap(4);
        int row = 0;
        row = addRow(form, row, messages.get("booking.resource"), resource, model.resourceErrorProperty());
        row = addRow(form, row, messages.get("booking.customer"), new VBox(4, customer, suggestions, newCustomer, newCustomerFields),
                model.customerErrorProperty());
        row = addRow(form, row, messages.get("booking.from") + " / " + messages.get("booking.to"), times,
                model.timeErrorProperty());
        addRow(form, row, messages.get("booking.notes"), notes, model.notesErrorProperty());

        Node side = sidePanel(model, messages);
        boolean sideBySide = screenArea.getWidth() >= SIDE_BY_SIDE_WIDTH;
        javafx.scene.layout.Pane content = sideBySide ? new HBox(18, form, side) : new VBox(12, form, side);
        this.content = content;
        content.setPadding(new Insets(2));
        // the buttons sit below the content, outside this scroll pane: on a small or scaled screen the fields scroll,
        // the buttons stay in sight
        ScrollPane scroll = new ScrollPane(content);
        this.scroll = scroll;
        scroll.setId("bookingContent");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setFocusTraversable(false);
        getDialogPane().setContent(scroll);
        getDialogPane().setPadding(new Insets(6));
        // AtlantaFX caps every dialog pane at 600 px wide: the side panel (availability, price, alternatives) was cut off
        // (an inline style: the theme's rule outranked a plain setter here)
        getDialogPane().setStyle("-fx-max-width: 10000px;");
        // as wide as the content asks (the theme's fonts and paddings decide), at most the screen: see fitToContent
        // the pane may shrink below its content on a small screen: the fields scroll, the buttons keep their place
        scroll.setMinHeight(120);
        form.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        ButtonType saveType = new ButtonType(messages.get(model.changing() ? "booking.save.changes" : "booking.save"),
                ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(saveType, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancelBooking");
        Button save = (Button) getDialogPane().lookupButton(saveType);
        save.setId("saveBooking");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.busyProperty());
        save.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.save();
        });
        model.savedProperty().addListener((obs, old, booking) -> {
            if (booking != null) {
                setResult(booking);
                close();
            }
        });
        setResultConverter(button -> button == saveType ? model.savedProperty().get() : null);
        setOnShown(e -> {
            fitToContent();
            (model.changing() ? start : customer).requestFocus();
        });
        // Enter books from any field but the notes (a new line there) and the open guest list (takes a guest)
        getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Node focused = getDialogPane().getScene().getFocusOwner();
            if (e.getCode() != KeyCode.ENTER || e.isShiftDown() || !booksOnEnter(focused)) {
                return;
            }
            e.consume();
            if (focused == customer && !model.customerSuggestions().isEmpty()) {
                model.choose(model.customerSuggestions().get(0));
                return;
            }
            if (focused instanceof DatePicker picker) {
                commitTyped(picker);
            }
            model.save();
        });
        // whatever appears or goes (new-guest fields, errors, alternatives, "record a past booking"), the window fits
        for (javafx.beans.Observable grows : List.of(model.newCustomerProperty(), model.customerSuggestions(),
                model.alternatives(), model.resourceErrorProperty(), model.customerErrorProperty(),
                model.timeErrorProperty(), model.notesErrorProperty(), model.startsInPastProperty(),
                model.quoteLines(), model.availabilityProperty())) {
            grows.addListener(o -> javafx.application.Platform.runLater(this::fitToContent));
        }
        model.load();
    }

    /**
     * Sizes the window to its content, then keeps it on the screen: taller than the screen, it takes the screen's
     * height and the fields scroll while Book and Cancel stay visible.
     */
    void fitToContent() {
        Window window = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
        if (window == null || !window.isShowing()) {
            return;
        }
        // the scroll pane asks for room to show all of its content, however tall that is now
        content.applyCss();
        double width = Math.max(content.prefWidth(-1), scroll.getViewportBounds().getWidth());
        scroll.setPrefViewportWidth(content.prefWidth(-1));
        scroll.setPrefViewportHeight(content.prefHeight(width));
        getDialogPane().requestLayout();
        window.sizeToScene();
        double maxHeight = screenArea.getHeight() - SCREEN_MARGIN;
        if (window.getHeight() > maxHeight) {
            window.setHeight(maxHeight);
        }
        double maxWidth = screenArea.getWidth() - SCREEN_MARGIN;
        if (window.getWidth() > maxWidth) {
            window.setWidth(maxWidth);
        }
        if (window.getY() + window.getHeight() > screenArea.getMaxY()) {
            window.setY(Math.max(screenArea.getMinY(), screenArea.getMaxY() - window.getHeight()));
        }
        if (window.getX() + window.getWidth() > screenArea.getMaxX()) {
            window.setX(Math.max(screenArea.getMinX(), screenArea.getMaxX() - window.getWidth()));
        }
        if (window.getY() < screenArea.getMinY()) {
            window.setY(screenArea.getMinY());
        }
    }

    /** The screen area the owner is on, or the primary screen's. */
    private static Rectangle2D screenOf(Window owner) {
        if (owner != null) {
            List<Screen> screens = Screen.getScreensForRectangle(owner.getX(), owner.getY(),
                    Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight()));
            if (!screens.isEmpty()) {
                return screens.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }

    private static boolean booksOnEnter(Node focused) {
        if (focused instanceof TextArea || focused instanceof ListView || focused instanceof Button
                || focused instanceof CheckBox) {
            return false;
        }
        if (focused instanceof ComboBox<?> box && box.isShowing()) {
            return false;
        }
        return !(focused instanceof DatePicker picker && picker.isShowing());
    }

    /** A date typed into the picker counts, as it would once the field lost focus. */
    private static void commitTyped(DatePicker picker) {
        try {
            java.time.LocalDate typed = picker.getConverter().fromString(picker.getEditor().getText());
            if (typed != null) {
                picker.setValue(typed);
            }
        } catch (java.time.format.DateTimeParseException ignored) {
            // not a date: the field keeps its value, as on focus loss
        }
    }

    private static DatePicker datePicker(String id, String accessible) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setMinWidth(150);
        picker.setPrefWidth(150);
        picker.setAccessibleText(accessible);
        picker.setPromptText(accessible);
        return picker;
    }

    private static void chooseFrom(ListView<Customer> suggestions, BookingDialogViewModel model) {
        Customer chosen = suggestions.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            model.choose(chosen);
        }
    }

    private Node sidePanel(BookingDialogViewModel model, Messages messages) {
        Label availability = new Label();
        availability.setId("availability");
        availability.setWrapText(true);
        availability.textProperty().bind(model.availabilityProperty());
        // the text changes with every check while the flag may stay false, so restyle on both
        Runnable restyle = () -> {
            availability.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            availability.getStyleClass().add(model.availableProperty().get() ? Styles.SUCCESS : Styles.DANGER);
        };
        model.availableProperty().addListener((obs, old, free) -> restyle.run());
        model.availabilityProperty().addListener((obs, old, text) -> restyle.run());
        Label quoteTitle = new Label(messages.get("booking.quote"));
        quoteTitle.getStyleClass().add(Styles.TEXT_MUTED);
        Label quote = new Label();
        quote.setId("quote");
        quote.getStyleClass().add(Styles.TITLE_3);
        quote.textProperty().bind(model.quoteProperty());
        VBox lines = new VBox(2);
        model.quoteLines().addListener((ListChangeListener<String>) c -> {
            lines.getChildren().clear();
            model.quoteLines().forEach(line -> {
                Label label = new Label(line);
                label.getStyleClass().add(Styles.TEXT_SMALL);
                lines.getChildren().add(label);
            });
        });
        Label alternativesTitle = new Label(messages.get("booking.alternatives"));
        alternativesTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox alternatives = new VBox(4);
        alternatives.setId("alternatives");
        model.alternatives().addListener((ListChangeListener<BookingDialogViewModel.Alternative>) c -> {
            List<Node> buttons = new ArrayList<>();
            for (BookingDialogViewModel.Alternative alternative : model.alternatives()) {
                Button take = new Button(alternative.label());
                take.getStyleClass().addAll(Styles.SMALL, "alternative");
                take.setMaxWidth(Double.MAX_VALUE);
                // a long resource name and date wrap onto a second line inside the side panel instead of running past it
                take.setWrapText(true);
                take.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                take.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                take.setAccessibleText(messages.get("booking.takeAlternative", alternative.label()));
                take.setOnAction(e -> model.take(alternative));
                buttons.add(take);
            }
            alternatives.getChildren().setAll(buttons);
        });
        VBox alternativesBox = new VBox(6, alternativesTitle, alternatives);
        alternativesBox.visibleProperty().bind(Bindings.isNotEmpty(model.alternatives()));
        alternativesBox.managedProperty().bind(alternativesBox.visibleProperty());
        VBox panel = new VBox(8, availability, quoteTitle, quote, lines, alternativesBox);
        panel.setPrefWidth(280);
        panel.setMinWidth(280);
        panel.getStyleClass().add("booking-side");
        return panel;
    }

    private static int addRow(GridPane form, int row, String label, Node field, StringProperty error) {
        Label caption = new Label(label);
        caption.setLabelFor(field);
        form.add(caption, 0, row);
        form.add(field, 1, row);
        Label errorLabel = new Label();
        errorLabel.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL, "field-error");
        errorLabel.textProperty().bind(error);
        errorLabel.visibleProperty().bind(error.isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        errorLabel.setWrapText(true);
        errorLabel.setMaxWidth(360);
        form.add(errorLabel, 1, row + 1);
        return row + 2;
    }

    private static TextField field(String id, String prompt, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setAccessibleText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static ComboBox<LocalTime> timeBox(String id, String accessible, VenueFormats formats) {
        List<LocalTime> times = new ArrayList<>();
        for (int minutes = 0; minutes < 24 * 60; minutes += MINUTES_STEP) {
            times.add(LocalTime.MIN.plusMinutes(minutes));
        }
        times.add(LocalTime.of(23, 59));
        ComboBox<LocalTime> box = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(times));
        box.setId(id);
        box.setMinWidth(125);
        box.setPrefWidth(125);
        box.setAccessibleText(accessible);
        box.setVisibleRowCount(12);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(formats.locale());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalTime time) {
                return time == null ? "" : format.format(time);
            }

            @Override
            public LocalTime fromString(String text) {
                return text == null || text.isBlank() ? null : LocalTime.parse(text, format);
            }
        });
        return box;
    }
}
