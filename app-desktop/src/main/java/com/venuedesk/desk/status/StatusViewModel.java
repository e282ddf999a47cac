package com.venuedesk.desk.status;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import java.time.Instant;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the status bar says: online or offline, how many changes wait to sync, when the last sync succeeded,
 * the initial sync's progress and the last error. Fed on the UI thread from the sync engine's status.
 */
public final class StatusViewModel {
    private final Messages messages;
    private final VenueFormats formats;

    private final BooleanProperty online = new SimpleBooleanProperty(false);
    private final IntegerProperty pendingChanges = new SimpleIntegerProperty(0);
    private final ObjectProperty<Instant> lastSuccess = new SimpleObjectProperty<>();
    /** 0..1 while the first sync runs, negative when unknown, 1 when done. */
    private final DoubleProperty progress = new SimpleDoubleProperty(1);
    private final StringProperty connectionText = new SimpleStringProperty();
    private final StringProperty pendingText = new SimpleStringProperty();
    private final StringProperty lastSyncText = new SimpleStringProperty();
    private final StringProperty errorText = new SimpleStringProperty("");
    private final StringProperty userText = new SimpleStringProperty("");
    private final IntegerProperty openConflicts = new SimpleIntegerProperty(0);
    private final StringProperty conflictsText = new SimpleStringProperty("");
    private final StringProperty resyncText = new SimpleStringProperty("");

    public StatusViewModel(Messages messages, VenueFormats formats) {
        this.messages = messages;
        this.formats = formats;
        update(false, 0, Optional.empty(), 1, Optional.empty());
        openConflicts.addListener((obs, old, now) -> conflictsText.set(now.intValue() == 0 ? ""
                : messages.get("status.conflicts", now.intValue())));
    }

    /** Takes one status report of the sync engine. */
    public void update(boolean isOnline, int pending, Optional<Instant> lastSuccessfulSync, double syncProgress,
                       Optional<String> lastError) {
        online.set(isOnline);
        pendingChanges.set(pending);
        lastSuccess.set(lastSuccessfulSync.orElse(null));
        progress.set(syncProgress);
        connectionText.set(messages.get(isOnline ? "status.online" : "status.offline"));
        pendingText.set(pending == 0 ? messages.get("status.allSynced") : messages.get("status.pending", pending));
        lastSyncText.set(lastSuccessfulSync.map(at -> messages.get("status.lastSync", formats.dateTime(at)))
                .orElse(messages.get("status.neverSynced")));
        errorText.set(lastError.orElse(""));
    }

    /**
     * The desk pulled the whole venue afresh at {@code at} because the server refused its cursor (it was restored
     * from a backup); null: not since the desk started.
     */
    public void resynced(Instant at) {
        resyncText.set(at == null ? "" : messages.get("status.resynced", formats.time(at)));
    }

    /** Only the waiting count changed (a local write). */
    public void pendingChanged(int pending) {
        update(online.get(), pending, Optional.ofNullable(lastSuccess.get()), progress.get(),
                errorText.get().isEmpty() ? Optional.empty() : Optional.of(errorText.get()));
    }

    public void signedInAs(String username, String roleName, boolean offline) {
        userText.set(messages.get(offline ? "status.userOffline" : "status.user", username, roleName));
    }

    public BooleanProperty onlineProperty() {
        return online;
    }

    public IntegerProperty pendingChangesProperty() {
        return pendingChanges;
    }

    public ObjectProperty<Instant> lastSuccessProperty() {
        return lastSuccess;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty connectionTextProperty() {
        return connectionText;
    }

    public StringProperty pendingTextProperty() {
        return pendingText;
    }

    public StringProperty lastSyncTextProperty() {
        return lastSyncText;
    }

    public StringProperty errorTextProperty() {
        return errorText;
    }

    public StringProperty userTextProperty() {
        return userText;
    }

    public IntegerProperty openConflictsProperty() {
        return openConflicts;
    }

    public StringProperty conflictsTextProperty() {
        return conflictsText;
    }

    public StringProperty resyncTextProperty() {
        return resyncText;
    }
}
