package com.venuedesk.desk.settings;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the command line and system properties say: {@code --server=URL} (overrides the settings file for this run),
 * {@code --home=DIR} or {@code -Dvenuedesk.home=DIR} (default {@code ~/.venuedesk}), {@code --exit-when-synced}:
 * sign in (the demo user with the embedded server), sync once and quit, for a smoke test of an installation, and
 * {@code --exit-when-ready}: quit as soon as the calendar is first on screen, booting neither the embedded server nor
 * the store's Hibernate (the training run that records the installers' start-up cache: what a start needs up to the
 * calendar).
 * {@code -Dvenuedesk.server=URL} is the installation's preset (the installer's {@code VENUEDESK_SERVER_URL}): the
 * central server a desk starts with on its first run; afterwards the settings file decides, so that a manager can
 * still switch servers in the settings.
 * {@code --demo}: the embedded server seeds the demo venue (published passwords) and the desk signs in as its
 * front-desk user; without it, an embedded server on a fresh data directory creates no account and the venue sets
 * itself up once (venue name, time zone, first admin with a chosen password).
 */
public record StartupOptions(Path home, Optional<URI> serverOverride, QuitWhen quitWhen, Optional<URI> presetServer,
                             boolean demo) {
    private static final String HOME_OPTION = "--home=";
    private static final String KNOWN = "--server=URL, --home=DIR, --demo, --exit-when-synced, --exit-when-ready";

    /** When a run quits by itself: never (staff close the window), once the calendar is up, or after the first sync. */
    public enum QuitWhen { NEVER, READY, SYNCED }

    public static StartupOptions parse(List<String> args, String homeProperty, String userHome) {
        return parse(args, homeProperty, null, userHome);
    }

    public static StartupOptions parse(List<String> args, String homeProperty, String serverProperty, String userHome) {
        Optional<URI> preset = serverProperty == null || serverProperty.isBlank()
                ? Optional.empty() : Optional.of(URI.create(serverProperty.strip()));
        Path home = home(args, homeProperty, userHome);
        Optional<URI> server = Optional.empty();
        QuitWhen quitWhen = QuitWhen.NEVER;
        boolean demo = false;
        for (String arg : args) {
            if (arg.startsWith("--server=")) {
                server = Optional.of(URI.create(arg.substring("--server=".length())));
            } else if (arg.startsWith(HOME_OPTION)) {
                continue; // read by home()
            } else if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.equals("--exit-when-synced") || arg.equals("--exit-when-ready")) {
                QuitWhen asked = arg.equals("--exit-when-synced") ? QuitWhen.SYNCED : QuitWhen.READY;
                if (quitWhen != QuitWhen.NEVER && quitWhen != asked) {
                    throw new IllegalArgumentException("--exit-when-synced and --exit-when-ready exclude each other");
                }
                quitWhen = asked;
            } else {
                throw new IllegalArgumentException("unknown option " + arg + " (known: " + KNOWN + ")");
            }
        }
        return new StartupOptions(home, server, quitWhen, preset, demo);
    }

    /**
     * The desk's home: the last {@code --home=DIR} among the arguments, else the {@code venuedesk.home} property, else
     * {@code ~/.venuedesk}. The launcher asks before logging starts, so that the logs go where the rest of the home
     * does; the arguments are not otherwise checked here.
     */
    public static Path home(List<String> args, String homeProperty, String userHome) {
        String chosen = homeProperty;
        for (String arg : args) {
            if (arg.startsWith(HOME_OPTION)) {
                chosen = arg.substring(HOME_OPTION.length());
            }
        }
        return chosen == null || chosen.isBlank() ? Path.of(userHome, ".venuedesk") : Path.of(chosen);
    }

    /** The settings of this run: the file's, with the command line's server when given. */
    public DeskSettings settings() {
        DeskSettings saved = new SettingsFile(home, presetServer).load();
        return serverOverride.isPresent() ? saved.withServerUrl(serverOverride) : saved;
    }
}
