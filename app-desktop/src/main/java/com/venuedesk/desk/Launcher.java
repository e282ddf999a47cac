package com.venuedesk.desk;

import com.venuedesk.desk.logging.DeskLogging;
import javafx.application.Application;

/**
 * The main class. Kept apart from {@link App} because a main class that extends {@code Application} refuses to
 * start from a plain class path without JavaFX modules on the module path.
 */
public final class Launcher {
    /**
     * The desk's logging configuration: {@link DeskLogging}, set up in code. Not the {@code logback.xml} that the
     * embedded sync server's jar brings.
     */
    public static final String LOG_CONFIGURATION = DeskLogging.SELECTOR;
    private static final String LOGBACK_PROPERTY = "logback.configurationFile";

    private Launcher() {
    }

    public static void main(String[] args) {
        // before any logger exists: logback reads the property once, when the first logger is created
        System.setProperty(LOGBACK_PROPERTY, logConfiguration(System.getProperty(LOGBACK_PROPERTY)));
        Application.launch(App.class, args);
    }

    /** The logging configuration to use: one given with {@code -Dlogback.configurationFile} wins over the desk's. */
    static String logConfiguration(String override) {
        return override == null || override.isBlank() ? LOG_CONFIGURATION : override;
    }
}
