package com.venuedesk.desk.signin;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.task.TaskExecutor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** State and command of the sign-in screen: field errors, a busy flag while checking, an offline hint. */
public final class SignInViewModel {
    private final Authenticator authenticator;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final Consumer<SignInResult.UserSession> onSignedIn;

    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty usernameError = new SimpleStringProperty("");
    private final StringProperty passwordError = new SimpleStringProperty("");
    private final StringProperty hint = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public SignInViewModel(Authenticator authenticator, TaskExecutor tasks, Messages messages,
                           Consumer<SignInResult.UserSession> onSignedIn) {
        this.authenticator = authenticator;
        this.tasks = tasks;
        this.messages = messages;
        this.onSignedIn = onSignedIn;
        username.addListener((obs, old, now) -> usernameError.set(""));
        password.addListener((obs, old, now) -> passwordError.set(""));
    }

    /** Checks the fields, then the credentials in the background; on success hands the session on. */
    public void signIn() {
        if (busy.get()) {
            return;
        }
        boolean valid = true;
        if (username.get() == null || username.get().isBlank()) {
            usernameError.set(messages.get("signin.error.usernameRequired"));
            valid = false;
        }
        if (password.get() == null || password.get().isEmpty()) {
            passwordError.set(messages.get("signin.error.passwordRequired"));
            valid = false;
        }
        if (!valid) {
            return;
        }
        busy.set(true);
        hint.set("");
        String user = username.get().strip();
        String secret = password.get();
        tasks.run(() -> authenticator.signIn(user, secret), this::accept, failure -> {
            busy.set(false);
            hint.set(messages.get("signin.error.failed"));
            tasks.reportFailure(failure);
        });
    }

    private void accept(SignInResult result) {
        busy.set(false);
        if (result instanceof SignInResult.SignedIn signedIn) {
            password.set("");
            onSignedIn.accept(signedIn.session());
        } else if (result instanceof SignInResult.Refused refused) {
            passwordError.set(refused.reason().isBlank() ? messages.get("signin.error.wrongCredentials") : refused.reason());
        }
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty usernameErrorProperty() {
        return usernameError;
    }

    public ReadOnlyStringProperty passwordErrorProperty() {
        return passwordError;
    }

    /** A line under the form, e.g. that checking failed unexpectedly or that no server is configured. */
    public ReadOnlyStringProperty hintProperty() {
        return hint;
    }

    /** Sets a hint before anyone signs in, e.g. the demo accounts of the embedded server. */
    public void showHint(String text) {
        hint.set(text);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
