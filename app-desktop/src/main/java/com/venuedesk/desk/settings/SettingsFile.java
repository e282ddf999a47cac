package com.venuedesk.desk.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/** Reads and writes {@code <home>/desk.properties}; IT can pre-configure it (e.g. {@code server.url}) per PC. */
public final class SettingsFile {
    static final String FILE_NAME = "desk.properties";
    private static final String SERVER_URL = "server.url";
    private static final String LOCALE = "locale";
    private static final String VENUE_ZONE = "venue.zone";
    private static final String DEVICE_ID = "device.id";
    private static final String OFFLINE_SIGN_IN_DAYS = "offline-sign-in.days";
    /** How long a cached sign-in works offline unless the settings file says otherwise. */
    public static final Duration DEFAULT_OFFLINE_SIGN_IN = Duration.ofDays(14);

    private final Path home;
    /** The server a first run starts with when the file names none (the installation's preset). */
    private final Optional<URI> firstRunServer;

    public SettingsFile(Path home) {
        this(home, Optional.empty());
    }

    public SettingsFile(Path home, Optional<URI> firstRunServer) {
        this.home = home;
        this.firstRunServer = firstRunServer;
    }

    /**
     * How long an online sign-in on this desk also signs its user in offline: {@code offline-sign-in.days} in the
     * settings file (whole days, at least 1), 14 days when unset or unreadable. Not shown on the settings screen.
     */
    public Duration offlineSignInMaxAge() {
        Properties props = new Properties();
        Path file = path();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException e) {
                return DEFAULT_OFFLINE_SIGN_IN;
            }
        }
        try {
            long days = Long.parseLong(props.getProperty(OFFLINE_SIGN_IN_DAYS, "").strip());
            return days >= 1 ? Duration.ofDays(days) : DEFAULT_OFFLINE_SIGN_IN;
        } catch (NumberFormatException e) {
            return DEFAULT_OFFLINE_SIGN_IN;
        }
    }

    public Path path() {
        return home.resolve(FILE_NAME);
    }

    /**
     * The saved settings, creating the file (and a new device id) on first run; a first run whose file names no
     * server takes the installation's preset, and keeps it in the file.
     */
    public DeskSettings load() {
        Properties props = new Properties();
        Path file = path();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        String url = props.getProperty(SERVER_URL, "").strip();
        String locale = props.getProperty(LOCALE, "").strip();
        String zone = props.getProperty(VENUE_ZONE, "").strip();
        String device = props.getProperty(DEVICE_ID, "").strip();
        boolean firstRun = device.isEmpty();
        Optional<URI> server = url.isEmpty() ? Optional.empty() : Optional.of(URI.create(url));
        if (firstRun && server.isEmpty()) {
            server = firstRunServer;
        }
        DeskSettings settings = new DeskSettings(home, server,
                locale.isEmpty() ? Locale.getDefault() : Locale.forLanguageTag(locale),
                zone.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(zone),
                firstRun ? UUID.randomUUID().toString() : device);
        if (firstRun) {
            save(settings);
        }
        return settings;
    }

    public void save(DeskSettings settings) {
        Properties props = new Properties();
        settings.serverUrl().ifPresent(url -> props.setProperty(SERVER_URL, url.toString()));
        props.setProperty(LOCALE, settings.locale().toLanguageTag());
        props.setProperty(VENUE_ZONE, settings.venueZone().getId());
        props.setProperty(DEVICE_ID, settings.deviceId());
        try {
            Files.createDirectories(home);
            try (Writer out = Files.newBufferedWriter(path(), StandardCharsets.UTF_8)) {
                props.store(out, "VenueDesk desk settings");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path(), e);
        }
    }
}
