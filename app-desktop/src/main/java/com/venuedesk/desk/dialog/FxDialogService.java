package com.venuedesk.desk.dialog;

import com.venuedesk.desk.i18n.Messages;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Dialogs owned by the main window; notifications through ControlsFX. Call on the JavaFX thread. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final Messages messages;

    public FxDialogService(Supplier<Window> owner, Messages messages) {
        this.owner = owner;
        this.messages = messages;
    }

    @Override
    public void notify(String message) {
        notification(message).hideAfter(Duration.seconds(4)).showInformation();
    }

    @Override
    public void warn(String message) {
        notification(message).hideAfter(Duration.seconds(8)).showWarning();
    }

    private Notifications notification(String message) {
        Notifications notifications = Notifications.create()
                .title(messages.get("app.title"))
                .text(message)
                .position(Pos.BOTTOM_RIGHT);
        Window window = owner.get();
        return window == null ? notifications : notifications.owner(window);
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        prepare(alert, title);
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.YES, ButtonType.NO);
        prepare(alert, title);
        return alert.showAndWait().filter(ButtonType.YES::equals).isPresent();
    }

    @Override
    public Optional<String> askForText(String title, String prompt) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(prompt);
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        return dialog.showAndWait().map(String::strip);
    }

    private void prepare(Alert alert, String title) {
        alert.setTitle(title);
        alert.setHeaderText(null);
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
    }
}
