package com.venuedesk.benchmarks.desk;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The startup baseline: the smallest JavaFX program that shows one window with a label, and says when its first
 * layout pass is done (the same moment the desk's "desk ready" line marks). The main class does not extend
 * {@code Application}: such a main class refuses to start from a plain class path.
 */
public final class MinimalFxWindow {
    static final String MARKER = "window ready in ";
    /** Quit once the window is laid out (a training run for a class-data-sharing archive). */
    static final String EXIT = "--exit";

    private MinimalFxWindow() {
    }

    /** Launched as its own JVM by {@link DeskStartupBenchmark}. */
    public static void main(String[] args) {
        Application.launch(OneWindow.class, args);
    }

    /** One window, one label. */
    public static final class OneWindow extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("VenueDesk")), 1280, 800);
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                // the benchmark's protocol with its child is a line on stdout
                System.out.println(MARKER + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
                System.out.flush();
                if (getParameters().getRaw().contains(EXIT)) {
                    Platform.exit();
                }
            };
            scene.addPostLayoutPulseListener(once[0]);
            stage.setScene(scene);
            stage.show();
            Platform.requestNextPulse();
        }
    }
}
