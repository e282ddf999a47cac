package com.venuedesk.desk.dialog;

import java.util.Optional;

/**
 * How ViewModels reach the user. The JavaFX implementation shows dialogs and notifications; tests record the calls.
 * Messages are already translated; no stack trace ever reaches the user.
 */
public interface DialogService {

    /** A non-blocking message that fades away (e.g. "Booking saved"). */
    void notify(String message);

    /** A non-blocking warning that stays a little longer (e.g. "Offline: changes will sync later"). */
    void warn(String message);

    /** A blocking error the user has to acknowledge. */
    void showError(String title, String message);

    /** Asks a yes/no question; true when the user confirms. */
    boolean confirm(String title, String question);

    /** Asks for a line of text (e.g. a cancellation reason); empty when the user backs out. */
    Optional<String> askForText(String title, String prompt);

    /**
     * Asks why (a cancellation, a no-show): {@code question} names the booking; the user picks one of
     * {@code commonReasons} or types one. Empty when the user backs out.
     */
    default Optional<String> askForReason(String title, String question, java.util.List<String> commonReasons) {
        return askForText(title, question);
    }
}
