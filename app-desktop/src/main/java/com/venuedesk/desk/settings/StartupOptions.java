package com.venuedesk.desk.settings;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the command line and system properties say: {@code --server=URL} (overrides the settings file for this run),
 * {@code --home=DIR} or {@code -Dvenuedesk.home=DIR} (default {@code ~/.venuedesk}).
 */
public record StartupOptions(Path home, Optional<URI> serverOverride) {

    public static StartupOptions parse(List<String> args, String homeProperty, String userHome) {
        Path home = homeProperty == null || homeProperty.isBlank()
                ? Path.of(userHome, ".venuedesk") : Path.of(homeProperty);
        Optional<URI> server = Optional.empty();
        for (String arg : args) {
            if (arg.startsWith("--server=")) {
                server = Optional.of(URI.create(arg.substring("--server=".length())));
            } else if (arg.startsWith("--home=")) {
                home = Path.of(arg.substring("--home=".length()));
            } else {
                throw new IllegalArgumentException("unknown option " + arg + " (known: --server=URL, --home=DIR)");
            }
        }
        return new StartupOptions(home, server);
    }

    /** The settings of this run: the file's, with the command line's server when given. */
    public DeskSettings settings() {
        DeskSettings saved = new SettingsFile(home).load();
        return serverOverride.isPresent() ? saved.withServerUrl(serverOverride) : saved;
    }
}
