package com.venuedesk.desk;

import ch.qos.logback.classic.ClassicConstants;
import com.venuedesk.desk.logging.DeskLogging;
import javafx.application.Application;

/**
 * The main class. Kept apart from {@link App} because a main class that extends {@code Application} refuses to
 * start from a plain class path without JavaFX modules on the module path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // before any logger exists: logback reads the property once, when the first logger is created
        String property = ClassicConstants.CONFIG_FILE_PROPERTY;
        System.setProperty(property, logConfiguration(System.getProperty(property)));
        Application.launch(App.class, args);
    }

    /**
     * The logging configuration to use: one given with {@code -Dlogback.configurationFile} wins over the desk's own,
     * {@link DeskLogging} (set up in code; not the {@code logback.xml} that the embedded sync server's jar brings).
     */
    static String logConfiguration(String override) {
        return override == null || override.isBlank() ? DeskLogging.SELECTOR : override;
    }
}
