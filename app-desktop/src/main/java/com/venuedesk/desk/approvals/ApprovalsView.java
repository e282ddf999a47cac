package com.venuedesk.desk.approvals;

import atlantafx.base.theme.Styles;
import com.venuedesk.desk.i18n.Messages;
import java.util.function.Consumer;
import java.time.LocalDate;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The managers' toolbar button "3 bookings await approval" and the list it opens, each with Approve and Show. */
public final class ApprovalsView {
    private ApprovalsView() {
    }

    /** @param show shows a booking's day in the calendar */
    public static Button button(ApprovalsViewModel model, Messages messages, java.util.function.Supplier<Window> owner,
                                Consumer<LocalDate> show) {
        Button button = new Button();
        button.setId("approvals");
        button.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("approvals.button", model.waiting().size()), model.waiting()));
        button.getStyleClass().addAll(Styles.WARNING, Styles.SMALL, Styles.FLAT);
        button.visibleProperty().bind(Bindings.isNotEmpty(model.waiting()));
        button.managedProperty().bind(button.visibleProperty());
        button.setOnAction(e -> dialog(model, messages, owner.get(), show).show());
        return button;
    }

    public static Dialog<Void> dialog(ApprovalsViewModel model, Messages messages, Window owner, Consumer<LocalDate> show) {
        Dialog<Void> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(messages.get("approvals.title"));
        dialog.setHeaderText(null);
        dialog.getDialogPane().setId("approvalsDialog");
        VBox rows = new VBox(6);
        rows.setPadding(new Insets(4));
        Runnable render = () -> {
            rows.getChildren().clear();
            if (model.waiting().isEmpty()) {
                rows.getChildren().add(new Label(messages.get("approvals.none")));
            }
            for (ApprovalsViewModel.Waiting item : model.waiting()) {
                Label label = new Label(item.label());
                label.setWrapText(true);
                label.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(label, Priority.ALWAYS);
                Button approve = new Button(messages.get("approvals.approve"));
                approve.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
                approve.setAccessibleText(messages.get("approvals.approve") + ": " + item.label());
                approve.setOnAction(e -> model.approve(item));
                Button showDay = new Button(messages.get("approvals.show"));
                showDay.getStyleClass().add(Styles.SMALL);
                showDay.setAccessibleText(messages.get("approvals.show") + ": " + item.label());
                showDay.setOnAction(e -> show.accept(item.day()));
                HBox row = new HBox(8, label, showDay, approve);
                row.setAlignment(Pos.CENTER_LEFT);
                row.getStyleClass().add("approval-row");
                rows.getChildren().add(row);
            }
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        };
        model.waiting().addListener((ListChangeListener<ApprovalsViewModel.Waiting>) c -> render.run());
        render.run();
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(320);
        scroll.setPrefViewportWidth(560);
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        ButtonType close = new ButtonType(messages.get("approvals.close"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().add(close);
        return dialog;
    }
}
