package com.venuedesk.desk.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.model.domain.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignInViewModelTest {
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final List<SignInResult.UserSession> sessions = new ArrayList<>();

    private SignInViewModel model(Authenticator authenticator) {
        return new SignInViewModel(authenticator, tasks, new Messages(Locale.ENGLISH), sessions::add);
    }

    @Test
    void emptyFieldsAreReportedNextToEachFieldWithoutAskingTheServer() {
        SignInViewModel model = model((u, p) -> fail("no credentials should be checked"));

        model.signIn();

        assertThat(model.usernameErrorProperty().get()).isEqualTo("Enter your username.");
        assertThat(model.passwordErrorProperty().get()).isEqualTo("Enter your password.");
        assertThat(sessions).isEmpty();
    }

    @Test
    void typingIntoAFieldClearsItsError() {
        SignInViewModel model = model((u, p) -> fail("no credentials should be checked"));
        model.signIn();

        model.usernameProperty().set("desk");

        assertThat(model.usernameErrorProperty().get()).isEmpty();
        assertThat(model.passwordErrorProperty().get()).isNotEmpty();
    }

    @Test
    void aRefusalIsShownUnderThePasswordAndKeepsTheUserOnTheForm() {
        SignInViewModel model = model((u, p) -> new SignInResult.Refused("invalid username or password"));
        model.usernameProperty().set("desk");
        model.passwordProperty().set("wrong");

        model.signIn();

        assertThat(model.passwordErrorProperty().get()).isEqualTo("invalid username or password");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(sessions).isEmpty();
    }

    @Test
    void aSuccessfulSignInHandsOnTheSessionAndForgetsThePassword() {
        List<String> asked = new ArrayList<>();
        SignInResult.UserSession session = new SignInResult.UserSession(UUID.randomUUID(), "desk", Role.FRONT_DESK, true);
        SignInViewModel model = model((u, p) -> {
            asked.add(u + "/" + p);
            return new SignInResult.SignedIn(session);
        });
        model.usernameProperty().set("  desk ");
        model.passwordProperty().set("desk-password");

        model.signIn();

        assertThat(asked).containsExactly("desk/desk-password");
        assertThat(sessions).containsExactly(session);
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(session.mayManage()).isFalse();
    }

    @Test
    void anUnexpectedFailureIsReportedOnceAndTheFormStaysUsable() {
        SignInViewModel model = model((u, p) -> {
            throw new IllegalStateException("boom");
        });
        model.usernameProperty().set("desk");
        model.passwordProperty().set("x");

        model.signIn();

        assertThat(model.hintProperty().get()).isEqualTo("Signing in failed unexpectedly. Please try again.");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(tasks.unhandledFailures()).singleElement().extracting(Throwable::getMessage).isEqualTo("boom");
    }
}
