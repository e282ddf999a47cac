package com.venuedesk.desk.signin;

import atlantafx.base.theme.Styles;
import com.venuedesk.desk.i18n.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The sign-in form; errors sit under the field they are about. */
public final class SignInView extends StackPane {

    public SignInView(SignInViewModel model, Messages messages) {
        getStyleClass().add("sign-in");

        Label title = new Label(messages.get("app.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label(messages.get("signin.subtitle"));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        TextField username = new TextField();
        username.setId("username");
        username.setPromptText(messages.get("signin.username"));
        username.setAccessibleText(messages.get("signin.username"));
        username.textProperty().bindBidirectional(model.usernameProperty());
        Label usernameError = errorLabel(model.usernameErrorProperty().isEmpty());
        usernameError.setId("usernameError");
        usernameError.textProperty().bind(model.usernameErrorProperty());

        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText(messages.get("signin.password"));
        password.setAccessibleText(messages.get("signin.password"));
        password.textProperty().bindBidirectional(model.passwordProperty());
        Label passwordError = errorLabel(model.passwordErrorProperty().isEmpty());
        passwordError.setId("passwordError");
        passwordError.textProperty().bind(model.passwordErrorProperty());

        model.usernameErrorProperty().addListener((obs, old, now) -> pseudoDanger(username, !now.isEmpty()));
        model.passwordErrorProperty().addListener((obs, old, now) -> pseudoDanger(password, !now.isEmpty()));

        Button signIn = new Button(messages.get("signin.action"));
        signIn.setId("signIn");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(model.busyProperty());
        signIn.setOnAction(e -> model.signIn());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(24, 24);
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(model.busyProperty());

        Label hint = new Label();
        hint.setId("signInHint");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.textProperty().bind(model.hintProperty());

        VBox form = new VBox(6, title, subtitle, spacer(), new Label(messages.get("signin.username")), username, usernameError,
                new Label(messages.get("signin.password")), password, passwordError, spacer(), signIn, progress, hint);
        form.getStyleClass().add("sign-in-card");
        form.setMaxWidth(340);
        form.setMaxHeight(USE_PREF_SIZE);
        form.setPadding(new Insets(28));
        form.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(form);
        username.requestFocus();
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                username.requestFocus();
            }
        });
    }

    private static Label errorLabel(javafx.beans.binding.BooleanBinding hiddenWhen) {
        Label label = new Label();
        label.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        label.visibleProperty().bind(hiddenWhen.not());
        label.managedProperty().bind(hiddenWhen.not());
        return label;
    }

    private static void pseudoDanger(javafx.scene.Node node, boolean on) {
        node.pseudoClassStateChanged(Styles.STATE_DANGER, on);
    }

    private static javafx.scene.layout.Region spacer() {
        javafx.scene.layout.Region region = new javafx.scene.layout.Region();
        region.setMinHeight(8);
        return region;
    }
}
