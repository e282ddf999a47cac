package com.venuedesk.desk.dialog;

import com.venuedesk.desk.i18n.Messages;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
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

    /**
     * The question naming the booking, the common reasons as radio buttons (first one focused) and a text field for
     * other words; Confirm is the default button (Enter), "Keep the booking" the cancel button (Escape).
     */
    @Override
    public Optional<String> askForReason(String title, String question, List<String> commonReasons) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.getDialogPane().setId("reasonDialog");
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        Label prompt = new Label(question);
        prompt.setId("reasonQuestion");
        prompt.setWrapText(true);
        prompt.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
        ToggleGroup group = new ToggleGroup();
        VBox choices = new VBox(6);
        choices.setAccessibleText(messages.get("calendar.reason.choose"));
        for (int i = 0; i < commonReasons.size(); i++) {
            RadioButton choice = new RadioButton(commonReasons.get(i));
            choice.setId("reason-" + i);
            choice.setUserData(commonReasons.get(i));
            choice.setToggleGroup(group);
            choices.getChildren().add(choice);
        }
        RadioButton other = new RadioButton(messages.get("calendar.reason.other"));
        other.setId("reason-other");
        other.setToggleGroup(group);
        choices.getChildren().add(other);
        TextField text = new TextField();
        text.setId("reasonText");
        text.setPromptText(messages.get("calendar.reason.text"));
        text.setAccessibleText(messages.get("calendar.reason.text"));
        text.textProperty().addListener((obs, old, now) -> {
            if (!now.isBlank() && group.getSelectedToggle() == null) {
                group.selectToggle(other);
            }
        });
        VBox content = new VBox(10, prompt, choices, text);
        content.setPrefWidth(440);
        dialog.getDialogPane().setContent(content);
        ButtonType ok = new ButtonType(messages.get("reason.dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType back = new ButtonType(messages.get("reason.dialog.back"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, back);
        javafx.scene.Node confirm = dialog.getDialogPane().lookupButton(ok);
        confirm.setId("confirmReason");
        confirm.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> group.getSelectedToggle() == null
                        || (group.getSelectedToggle() == other && text.getText().isBlank()),
                group.selectedToggleProperty(), text.textProperty()));
        dialog.setResultConverter(button -> {
            if (button != ok) {
                return null;
            }
            String words = text.getText().strip();
            Object picked = group.getSelectedToggle() == null ? null : group.getSelectedToggle().getUserData();
            if (picked == null) {
                return words;
            }
            return words.isEmpty() ? picked.toString() : picked + ": " + words;
        });
        dialog.setOnShown(e -> (choices.getChildren().isEmpty() ? text : choices.getChildren().get(0)).requestFocus());
        return dialog.showAndWait();
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
