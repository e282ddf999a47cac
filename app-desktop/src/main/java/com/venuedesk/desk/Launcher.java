package com.venuedesk.desk;

import ch.qos.logback.classic.ClassicConstants;
import com.venuedesk.desk.logging.DeskLogging;
import java.util.List;
import javafx.application.Application;

/**
 * The main class. Kept apart from {@link App} because a main class that extends {@code Application} refuses to
 * start from a plain class path without JavaFX modules on the module path.
 */
public final class Launcher {
    private static final String HOME_PROPERTY = "venuedesk.home";
    private static final String HOME_OPTION = "--home=";

    private Launcher() {
    }

    public static void main(String[] args) {
        // before any logger exists: logback reads these once, when the first logger is created
        String home = deskHome(List.of(args), System.getProperty(HOME_PROPERTY));
        if (home != null) {
            System.setProperty(HOME_PROPERTY, home);
        }
        String property = ClassicConstants.CONFIG_FILE_PROPERTY;
        System.setProperty(property, logConfiguration(System.getProperty(property)));
        Application.launch(App.class, args);
    }

    /**
     * The desk's home as {@link com.venuedesk.desk.settings.StartupOptions} will choose it: the last {@code --home=DIR}
     * on the command line, else the {@code venuedesk.home} property (null when neither is given). The launcher sets
     * the property to it, so that the log files go to {@code DIR/logs} with the rest of that home, not to the default
     * home's.
     */
    static String deskHome(List<String> args, String property) {
        String home = property;
        for (String arg : args) {
            if (arg.startsWith(HOME_OPTION)) {
                home = arg.substring(HOME_OPTION.length());
            }
        }
        return home;
    }

    /**
     * The logging configuration to use: one given with {@code -Dlogback.configurationFile} wins over the desk's own,
     * {@link DeskLogging} (set up in code; not the {@code logback.xml} that the embedded sync server's jar brings).
     */
    static String logConfiguration(String override) {
        return override == null || override.isBlank() ? DeskLogging.SELECTOR : override;
    }
}
