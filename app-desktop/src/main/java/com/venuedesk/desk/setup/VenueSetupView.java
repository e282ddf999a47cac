package com.venuedesk.desk.setup;

import atlantafx.base.theme.Styles;
import com.venuedesk.desk.i18n.Messages;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The first-run setup form; each error sits under the field it is about. */
public final class VenueSetupView extends StackPane {

    public VenueSetupView(VenueSetupViewModel model, Messages messages) {
        getStyleClass().add("sign-in");
        Label title = new Label(messages.get("setup.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label(messages.get("setup.subtitle"));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);

        VBox form = new VBox(6, title, subtitle);
        field(form, new TextField(), "venueName", messages.get("setup.venueName"), model);
        field(form, new TextField(), "timeZone", messages.get("setup.timeZone"), model);
        field(form, new TextField(), "username", messages.get("setup.username"), model);
        field(form, new PasswordField(), "password", messages.get("setup.password"), model);
        field(form, new PasswordField(), "passwordRepeat", messages.get("setup.passwordRepeat"), model);

        Button submit = new Button(messages.get("setup.submit"));
        submit.setId("setUp");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(model.busyProperty());
        submit.setOnAction(e -> model.setUp());
        Label hint = new Label();
        hint.setId("setupHint");
        hint.setWrapText(true);
        hint.textProperty().bind(model.hintProperty());
        form.getChildren().addAll(submit, hint);
        form.setMaxWidth(380);
        form.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(form);
    }

    private static void field(VBox form, TextInputControl input, String name, String label, VenueSetupViewModel model) {
        input.setId(name);
        input.setPromptText(label);
        input.setAccessibleText(label);
        input.textProperty().bindBidirectional(property(model, name));
        Label error = new Label();
        error.setId(name + "Error");
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.errorProperty(name));
        BooleanBinding none = model.errorProperty(name).isEmpty();
        error.visibleProperty().bind(none.not());
        error.managedProperty().bind(none.not());
        form.getChildren().addAll(new Label(label), input, error);
    }

    private static javafx.beans.property.StringProperty property(VenueSetupViewModel model, String name) {
        return switch (name) {
            case "venueName" -> model.venueNameProperty();
            case "timeZone" -> model.timeZoneProperty();
            case "username" -> model.usernameProperty();
            case "password" -> model.passwordProperty();
            default -> model.passwordRepeatProperty();
        };
    }
}
