package com.venuedesk.desk.testing;

import com.venuedesk.desk.dialog.DialogService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A dialog service for screen tests: remembers what the user was told; confirms when told to. */
public final class RecordedDialogs implements DialogService {
    public final List<String> notifications = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public boolean confirmAnswer = true;

    @Override
    public void notify(String message) {
        notifications.add(message);
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String question) {
        return confirmAnswer;
    }

    @Override
    public Optional<String> askForText(String title, String prompt) {
        return Optional.empty();
    }
}
