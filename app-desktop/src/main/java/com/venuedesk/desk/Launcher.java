package com.venuedesk.desk;

import ch.qos.logback.classic.ClassicConstants;
import com.venuedesk.desk.logging.DeskLogging;
import com.venuedesk.desk.settings.StartupOptions;
import java.util.List;
import javafx.application.Application;

/**
 * The main class. Kept apart from {@link App} because a main class that extends {@code Application} refuses to
 * start from a plain class path without JavaFX modules on the module path.
 */
public final class Launcher {
    private static final String HOME_PROPERTY = "venuedesk.home";

    private Launcher() {
    }

    public static void main(String[] args) {
        // before any logger exists: logback reads these once, when the first logger is created; the logs go to the
        // home the desk will use, also when --home=DIR chose it
        System.setProperty(HOME_PROPERTY, StartupOptions.home(List.of(args), System.getProperty(HOME_PROPERTY),
                System.getProperty("user.home")).toString());
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
