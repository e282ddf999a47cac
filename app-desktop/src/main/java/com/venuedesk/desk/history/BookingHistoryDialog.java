package com.venuedesk.desk.history;

import atlantafx.base.theme.Styles;
import com.venuedesk.desk.i18n.Messages;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/** A booking's history (who, when, what, why, device) in a table; binds to a {@link BookingHistoryViewModel}. */
public final class BookingHistoryDialog extends Dialog<Void> {

    public BookingHistoryDialog(BookingHistoryViewModel model, Messages messages, Window owner) {
        if (owner != null) {
            initOwner(owner);
        }
        initModality(Modality.NONE);
        setResizable(true);
        titleProperty().bind(model.titleProperty());
        setHeaderText(null);
        getDialogPane().setId("bookingHistory");

        Label notice = new Label();
        notice.setId("historyNotice");
        notice.setWrapText(true);
        notice.getStyleClass().add(Styles.WARNING);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        TableView<HistoryLine> table = new TableView<>(model.lines());
        table.setId("historyTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(messages.get("history.column.when"), HistoryLine::when, 162));
        table.getColumns().add(column(messages.get("history.column.who"), HistoryLine::who, 160));
        table.getColumns().add(column(messages.get("history.column.what"), HistoryLine::what, 428));
        table.getColumns().add(column(messages.get("history.column.why"), HistoryLine::why, 120));
        table.getColumns().add(column(messages.get("history.column.where"), HistoryLine::where, 120));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(HistoryLine line, boolean empty) {
                super.updateItem(line, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("not-yet-sent"), !empty && line != null && line.notYetSent());
                setStyle(!empty && line != null && line.notYetSent() ? "-fx-font-style: italic;" : "");
            }
        });
        Label placeholder = new Label();
        placeholder.textProperty().bind(model.placeholderProperty());
        table.setPlaceholder(placeholder);

        ProgressIndicator loading = new ProgressIndicator();
        loading.setMaxSize(40, 40);
        loading.visibleProperty().bind(model.loadingProperty());
        StackPane body = new StackPane(table, loading);
        VBox.setVgrow(body, javafx.scene.layout.Priority.ALWAYS);

        VBox content = new VBox(8, notice, body);
        content.setPadding(new javafx.geometry.Insets(4, 0, 0, 0));
        getDialogPane().setContent(content);
        // wide enough for a move's words and the device; the table scrolls for a long history
        getDialogPane().setPrefSize(1010, 440);
        // the theme caps a dialog pane's width in its stylesheet (for dialogs of text), which outranks a setter; this
        // one is a table
        getDialogPane().setStyle("-fx-max-width: 1600px;");
        // the window is sized before the table's first layout, to a default width: size it to the pane once shown
        setOnShown(e -> getDialogPane().getScene().getWindow().sizeToScene());
        getDialogPane().getButtonTypes().add(new ButtonType(messages.get("history.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
    }

    private static TableColumn<HistoryLine, String> column(String title, Function<HistoryLine, String> text, double width) {
        TableColumn<HistoryLine, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        return column;
    }
}
