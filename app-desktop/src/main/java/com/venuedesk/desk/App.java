package com.venuedesk.desk;

import atlantafx.base.theme.PrimerLight;
import com.venuedesk.desk.settings.DeskSettings;
import com.venuedesk.desk.settings.StartupOptions;
import java.time.Clock;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: opens the {@link AppContext} off the UI thread, shows it, closes it on exit. */
public final class App extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private DeskSettings presetSettings;
    private boolean demoSignIn = true;
    private AppContext context;

    /** Used by {@code Application.launch}: settings come from the command line and the settings file. */
    public App() {
    }

    /** Runs with the given settings and shows the sign-in form empty (tests, screenshots). */
    public App(DeskSettings settings) {
        this.presetSettings = settings;
        this.demoSignIn = false;
    }

    @Override
    public void init() {
        DeskSettings settings = presetSettings != null ? presetSettings
                : StartupOptions.parse(getParameters().getRaw(), System.getProperty("venuedesk.home"),
                        System.getProperty("user.home")).settings();
        LOG.info("Starting the desk with data in {}", settings.home());
        context = AppContext.open(settings, Clock.systemUTC());
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Thread.setDefaultUncaughtExceptionHandler(context.failureReporter());
        context.show(stage, demoSignIn);
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }

    /** The running context (tests and screenshots look inside). */
    public AppContext context() {
        return context;
    }
}
