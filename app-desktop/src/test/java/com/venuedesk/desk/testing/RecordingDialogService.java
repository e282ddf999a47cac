package com.venuedesk.desk.testing;

import com.venuedesk.desk.dialog.DialogService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Remembers what the ViewModels told the user; answers questions from a queue the test fills. A confirmation with
 * no queued answer is declined, or, from {@link #confirmingUnlessTold()}, accepted.
 */
public final class RecordingDialogService implements DialogService {
    public final List<String> notifications = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final Deque<String> answers = new ArrayDeque<>();
    /** The questions asked (askForText, askForReason), in order. */
    public final List<String> questions = new ArrayList<>();
    /** The common reasons offered with each askForReason. */
    public final List<List<String>> reasonsOffered = new ArrayList<>();
    private final boolean confirmWhenNotTold;

    public RecordingDialogService() {
        this(false);
    }

    private RecordingDialogService(boolean confirmWhenNotTold) {
        this.confirmWhenNotTold = confirmWhenNotTold;
    }

    /** A user who says yes to every question the test did not queue an answer for. */
    public static RecordingDialogService confirmingUnlessTold() {
        return new RecordingDialogService(true);
    }

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
        return answers.isEmpty() ? confirmWhenNotTold : Boolean.parseBoolean(answers.poll());
    }

    @Override
    public Optional<String> askForText(String title, String prompt) {
        questions.add(prompt);
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<String> askForReason(String title, String question, List<String> commonReasons) {
        questions.add(question);
        reasonsOffered.add(List.copyOf(commonReasons));
        return Optional.ofNullable(answers.poll());
    }
}
