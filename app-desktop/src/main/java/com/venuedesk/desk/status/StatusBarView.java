package com.venuedesk.desk.status;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/** The line at the bottom of the window. */
public final class StatusBarView extends HBox {

    public StatusBarView(StatusViewModel model) {
        super(10);
        getStyleClass().add("status-bar");
        setId("statusBar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));

        Circle dot = new Circle(5);
        dot.getStyleClass().add("connection-dot");
        model.onlineProperty().addListener((obs, old, now) -> dot.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("online"), now));
        dot.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("online"), model.onlineProperty().get());
        Label connection = label("connectionStatus", model.connectionTextProperty());
        Label pending = label("pendingStatus", model.pendingTextProperty());
        Label lastSync = label("lastSyncStatus", model.lastSyncTextProperty());
        Label conflicts = label("conflictStatus", model.conflictsTextProperty());
        conflicts.getStyleClass().add(Styles.WARNING);
        Label resynced = label("resyncStatus", model.resyncTextProperty());
        resynced.getStyleClass().add(Styles.ACCENT);
        Label error = label("syncError", model.errorTextProperty());
        error.getStyleClass().add(Styles.DANGER);

        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(120);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.progressProperty().lessThan(1));
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setAccessibleText("sync progress");

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label user = label("userStatus", model.userTextProperty());

        getChildren().addAll(dot, connection, new Separator(javafx.geometry.Orientation.VERTICAL), pending,
                new Separator(javafx.geometry.Orientation.VERTICAL), lastSync, progress, resynced, conflicts, error, grow, user);
    }

    private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        label.accessibleTextProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** A control of another feature in the status bar (e.g. the managers' approvals), before the user's name. */
    public void addTool(javafx.scene.Node tool) {
        int at = Math.max(0, getChildren().size() - 2);
        getChildren().add(at, tool);
    }
}
