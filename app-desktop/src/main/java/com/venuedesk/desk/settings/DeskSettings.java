package com.venuedesk.desk.settings;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How this desk is set up: where its data lives, which server it talks to (none = start the embedded one),
 * the user's language, the venue's time zone and this installation's device id (sent with every push).
 */
public record DeskSettings(Path home, Optional<URI> serverUrl, Locale locale, ZoneId venueZone, String deviceId) {

    public DeskSettings {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(venueZone, "venueZone");
        Objects.requireNonNull(deviceId, "deviceId");
    }

    /** True when the desk hosts its own server (no central server configured). */
    public boolean embeddedServer() {
        return serverUrl.isEmpty();
    }

    public Path storeDir() {
        return home.resolve("desk");
    }

    public Path embeddedServerDir() {
        return home.resolve("server");
    }

    public DeskSettings withServerUrl(Optional<URI> url) {
        return new DeskSettings(home, url, locale, venueZone, deviceId);
    }

    public DeskSettings withLocale(Locale newLocale) {
        return new DeskSettings(home, serverUrl, newLocale, venueZone, deviceId);
    }

    public DeskSettings withVenueZone(ZoneId zone) {
        return new DeskSettings(home, serverUrl, locale, zone, deviceId);
    }
}
