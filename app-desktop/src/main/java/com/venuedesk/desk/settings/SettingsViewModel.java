package com.venuedesk.desk.settings;

import com.venuedesk.desk.dialog.DialogService;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.task.TaskExecutor;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * This desk's settings as managers edit them: central server address (empty = embedded demo server), language
 * and the venue's time zone. Saved to {@code desk.properties}; they apply from the next start.
 */
public final class SettingsViewModel {
    /** Languages the desk has texts for. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

    private final SettingsFile file;
    private final DeskSettings current;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>();
    private final StringProperty venueZone = new SimpleStringProperty("");
    private final StringProperty serverUrlError = new SimpleStringProperty("");
    private final StringProperty venueZoneError = new SimpleStringProperty("");

    public SettingsViewModel(SettingsFile file, DeskSettings current, TaskExecutor tasks, DialogService dialogs, Messages messages) {
        this.file = file;
        this.current = current;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        serverUrl.set(current.serverUrl().map(URI::toString).orElse(""));
        language.set(LANGUAGES.stream().filter(l -> l.getLanguage().equals(current.locale().getLanguage()))
                .findFirst().orElse(Locale.ENGLISH));
        venueZone.set(current.venueZone().getId());
        serverUrl.addListener((obs, old, now) -> serverUrlError.set(""));
        venueZone.addListener((obs, old, now) -> venueZoneError.set(""));
    }

    /** Validates and saves; false (with errors next to the fields) when something is wrong. */
    public boolean save() {
        Optional<URI> url = Optional.empty();
        boolean valid = true;
        String text = serverUrl.get() == null ? "" : serverUrl.get().strip();
        if (!text.isEmpty()) {
            try {
                URI uri = new URI(text);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new URISyntaxException(text, "not an http(s) address");
                }
                url = Optional.of(uri);
            } catch (URISyntaxException e) {
                serverUrlError.set(messages.get("settings.error.url"));
                valid = false;
            }
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(venueZone.get().strip());
        } catch (DateTimeException e) {
            venueZoneError.set(messages.get("settings.error.zone"));
            valid = false;
        }
        if (!valid) {
            return false;
        }
        DeskSettings changed = current.withServerUrl(url).withLocale(language.get()).withVenueZone(zone);
        tasks.run(() -> {
            file.save(changed);
            return changed;
        }, saved -> dialogs.notify(messages.get("settings.saved")), tasks::reportFailure);
        return true;
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    public StringProperty venueZoneProperty() {
        return venueZone;
    }

    public StringProperty serverUrlErrorProperty() {
        return serverUrlError;
    }

    public StringProperty venueZoneErrorProperty() {
        return venueZoneError;
    }
}
