package com.venuedesk.desk;

import javafx.application.Application;

/**
 * The main class. Kept apart from {@link App} because a main class that extends {@code Application} refuses to
 * start from a plain class path without JavaFX modules on the module path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }
}
