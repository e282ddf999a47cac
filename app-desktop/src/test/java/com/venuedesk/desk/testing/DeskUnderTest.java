package com.venuedesk.desk.testing;

import com.venuedesk.desk.App;
import com.venuedesk.desk.settings.DeskSettings;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The real desk app started for a TestFX test, up to its sign-in form. */
public final class DeskUnderTest {
    private DeskUnderTest() {
    }

    /** Launches the app with the settings and waits until the sign-in form is there. */
    public static App launch(DeskSettings settings, FxRobot robot) throws Exception {
        // starting an embedded server and seeding its demo venue takes far longer than TestFX's 10 s default on a busy machine
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(120_000);
        FxToolkit.toolkitContext().setLaunchTimeoutInMillis(120_000);
        FxToolkit.registerPrimaryStage();
        App app = (App) FxToolkit.setupApplication(() -> new App(settings));
        robot.lookup("#username").query();
        return app;
    }
}
