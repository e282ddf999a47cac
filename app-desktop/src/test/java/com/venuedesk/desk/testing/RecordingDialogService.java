package com.venuedesk.desk.testing;

import com.venuedesk.desk.dialog.DialogService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Remembers what the ViewModels told the user; answers questions from a queue the test fills. */
public final class RecordingDialogService implements DialogService {
    public final List<String> notifications = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final Deque<String> answers = new ArrayDeque<>();

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
        return !answers.isEmpty() && Boolean.parseBoolean(answers.poll());
    }

    @Override
    public Optional<String> askForText(String title, String prompt) {
        return Optional.ofNullable(answers.poll());
    }
}
