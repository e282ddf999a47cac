package com.venuedesk.desk.setup;

import com.venuedesk.model.rules.AccountRules;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.task.TaskExecutor;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The short setup of a real venue's first run: venue name and time zone, the first admin's username and a password
 * the person chooses (typed twice). Checks what it can next to each field before asking the server, and puts the
 * server's refusal next to the field it names.
 */
public final class VenueSetupViewModel {
    /** As the server's default password policy. */
    static final int MIN_PASSWORD_LENGTH = AccountRules.DEFAULT_MIN_PASSWORD_LENGTH;

    private final VenueSetupClient client;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final Consumer<String> onSetUp;

    private final StringProperty venueName = new SimpleStringProperty("");
    private final StringProperty timeZone;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty passwordRepeat = new SimpleStringProperty("");
    private final Map<String, StringProperty> errors = Map.of("venueName", new SimpleStringProperty(""),
            "timeZone", new SimpleStringProperty(""), "username", new SimpleStringProperty(""),
            "password", new SimpleStringProperty(""), "passwordRepeat", new SimpleStringProperty(""));
    private final StringProperty hint = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    /**
     * @param defaultZone the zone the form starts with (the machine's)
     * @param onSetUp     called with the first admin's username once the venue is set up
     */
    public VenueSetupViewModel(VenueSetupClient client, TaskExecutor tasks, Messages messages, ZoneId defaultZone,
                               Consumer<String> onSetUp) {
        this.client = client;
        this.tasks = tasks;
        this.messages = messages;
        this.onSetUp = onSetUp;
        this.timeZone = new SimpleStringProperty(defaultZone.getId());
        clearOnEdit(venueName, "venueName");
        clearOnEdit(timeZone, "timeZone");
        clearOnEdit(username, "username");
        clearOnEdit(password, "password");
        clearOnEdit(passwordRepeat, "passwordRepeat");
    }

    private void clearOnEdit(StringProperty field, String name) {
        field.addListener((obs, old, now) -> errors.get(name).set(""));
    }

    /** Checks every field, then sends the setup in the background. */
    public void setUp() {
        if (busy.get() || !valid()) {
            return;
        }
        busy.set(true);
        hint.set("");
        VenueSetupClient.SetupRequest request = new VenueSetupClient.SetupRequest(venueName.get().strip(),
                timeZone.get().strip(), username.get().strip(), password.get());
        tasks.run(() -> client.setUp(request), this::accept, failure -> {
            busy.set(false);
            hint.set(messages.get("setup.error.failed"));
            tasks.reportFailure(failure);
        });
    }

    private boolean valid() {
        boolean valid = true;
        if (text(venueName).isBlank() || text(venueName).strip().length() > AccountRules.MAX_VENUE_NAME_LENGTH) {
            valid = refuse("venueName", messages.get("setup.error.venueName"));
        }
        if (!knownZone(text(timeZone).strip())) {
            valid = refuse("timeZone", messages.get("setup.error.timeZone"));
        }
        if (!AccountRules.isUsername(text(username).strip())) {
            valid = refuse("username", messages.get("setup.error.username"));
        }
        String secret = text(password);
        if (secret.codePointCount(0, secret.length()) < MIN_PASSWORD_LENGTH) {
            valid = refuse("password", messages.get("setup.error.passwordLength", MIN_PASSWORD_LENGTH));
        } else if (secret.strip().equalsIgnoreCase(text(username).strip())) {
            valid = refuse("password", messages.get("setup.error.passwordIsUsername"));
        } else if (!secret.equals(text(passwordRepeat))) {
            valid = refuse("passwordRepeat", messages.get("setup.error.passwordRepeat"));
        }
        return valid;
    }

    private boolean refuse(String field, String message) {
        errors.get(field).set(message);
        return false;
    }

    private static String text(StringProperty field) {
        return field.get() == null ? "" : field.get();
    }

    private static boolean knownZone(String id) {
        if (id.isEmpty()) {
            return false;
        }
        try {
            ZoneId.of(id);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private void accept(VenueSetupClient.Outcome outcome) {
        busy.set(false);
        if (outcome instanceof VenueSetupClient.Outcome.SetUp done) {
            password.set("");
            passwordRepeat.set("");
            onSetUp.accept(done.username());
        } else if (outcome instanceof VenueSetupClient.Outcome.Refused refused) {
            StringProperty error = refused.field() == null ? null : errors.get(refused.field());
            if (error != null) {
                error.set(refused.reason());
            } else {
                hint.set(refused.reason());
            }
        }
    }

    public StringProperty venueNameProperty() {
        return venueName;
    }

    public StringProperty timeZoneProperty() {
        return timeZone;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty passwordRepeatProperty() {
        return passwordRepeat;
    }

    /** The message next to a field ({@code venueName}, {@code timeZone}, {@code username}, {@code password}, {@code passwordRepeat}). */
    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.get(field);
    }

    /** A line under the form: the venue was set up elsewhere meanwhile, or sending failed. */
    public ReadOnlyStringProperty hintProperty() {
        return hint;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
