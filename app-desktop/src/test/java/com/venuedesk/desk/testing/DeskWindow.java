package com.venuedesk.desk.testing;

import com.venuedesk.desk.App;
import com.venuedesk.desk.settings.DeskSettings;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real desk in a 1280x800 window, driven from a plain main (the screenshot programs), and PNGs of its scenes. */
public final class DeskWindow {
    private static final Logger LOG = LoggerFactory.getLogger(DeskWindow.class);
    private static final long WAIT_MILLIS = 30_000;

    private DeskWindow() {
    }

    /** The app and the window it opened in. */
    public record Launched(App app, Stage stage) { }

    /** Starts JavaFX and the desk app with the settings. */
    public static Launched launch(DeskSettings settings) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        App app = new App(settings);
        app.init();
        Stage window = onFx(() -> {
            Stage stage = new Stage();
            stage.setWidth(1280);
            stage.setHeight(800);
            app.start(stage);
            return stage;
        });
        return new Launched(app, window);
    }

    /** Runs the work on the JavaFX thread and answers its result. */
    public static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Waits until the condition, checked on the JavaFX thread, holds (a check that throws counts as not yet). */
    public static void waitUntil(Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!holds(condition)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the desk did not get there within 30 s");
            }
            Thread.sleep(200);
        }
    }

    private static boolean holds(Callable<Boolean> condition) {
        try {
            return onFx(condition);
        } catch (Exception e) {
            return false;
        }
    }

    /** Saves a PNG of the scene as it is drawn now. */
    public static void save(Scene scene, Path file) throws Exception {
        WritableImage image = onFx(() -> scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(file.toString()));
        LOG.info("Saved {}", file);
    }
}
