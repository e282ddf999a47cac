package com.venuedesk.desk;

import atlantafx.base.theme.PrimerLight;
import com.venuedesk.desk.settings.DeskSettings;
import com.venuedesk.desk.settings.StartupOptions;
import com.venuedesk.desk.settings.StartupOptions.QuitWhen;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: opens the {@link AppContext} off the UI thread, shows it, closes it on exit. The context
 * (the local store above all) opens on a thread of its own from {@link #init()} on, while the JavaFX thread sets up
 * the window's look in {@link #start}: the two take turns on a small machine's cores instead of one after the other.
 */
public final class App extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private DeskSettings presetSettings;
    private boolean demoSignIn = true;
    private boolean demo = true;
    private QuitWhen quitWhen = QuitWhen.NEVER;
    private CompletableFuture<AppContext> opening;
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
        DeskSettings settings = presetSettings;
        if (settings == null) {
            StartupOptions options = StartupOptions.parse(getParameters().getRaw(), System.getProperty("venuedesk.home"),
                    System.getProperty("venuedesk.server"), System.getProperty("user.home"));
            settings = options.settings();
            quitWhen = options.quitWhen();
            demo = options.demo();
            demoSignIn = demo;
        }
        DeskSettings opened = settings;
        boolean seedDemo = demo;
        LOG.info("Starting the desk with data in {}", settings.home());
        // a thread of this one's making: it inherits the context class loader Flyway finds its migrations with
        boolean bootAfterFirstScreen = quitWhen != QuitWhen.READY;
        opening = CompletableFuture.supplyAsync(() -> AppContext.open(opened, Clock.systemUTC(), bootAfterFirstScreen, seedDemo), task -> {
            Thread thread = new Thread(task, "desk-open");
            thread.setDaemon(true);
            thread.start();
        });
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        try {
            context = opening.join();
        } catch (CompletionException e) {
            // as if init() had failed: the launch fails with the cause
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        Thread.setDefaultUncaughtExceptionHandler(context.failureReporter());
        if (quitWhen == QuitWhen.SYNCED) {
            context.whenFirstSynced(Platform::exit);
        } else if (quitWhen == QuitWhen.READY) {
            context.whenFirstScreenUp(Platform::exit);
        }
        context.show(stage, demoSignIn);
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        } else if (opening != null) {
            // start() never ran (or failed): close whatever opened meanwhile
            opening.thenAccept(AppContext::close);
        }
    }

    /** The running context (tests and screenshots look inside). */
    public AppContext context() {
        return context;
    }
}
