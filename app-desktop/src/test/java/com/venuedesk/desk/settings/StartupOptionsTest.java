package com.venuedesk.desk.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.venuedesk.desk.settings.StartupOptions.QuitWhen;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupOptionsTest {
    @TempDir
    Path home;

    @Test
    void withoutAServerTheDeskHostsItsOwnAndKeepsItsDeviceIdAcrossRuns() {
        DeskSettings first = StartupOptions.parse(List.of(), home.toString(), "/nowhere").settings();
        DeskSettings second = StartupOptions.parse(List.of(), home.toString(), "/nowhere").settings();

        assertThat(first.embeddedServer()).isTrue();
        assertThat(first.home()).isEqualTo(home);
        assertThat(Files.exists(home.resolve("desk.properties"))).isTrue();
        assertThat(second.deviceId()).isEqualTo(first.deviceId());
    }

    @Test
    void theCommandLineServerOverridesTheSettingsFileForThisRunOnly() {
        new SettingsFile(home).save(StartupOptions.parse(List.of(), home.toString(), "/nowhere").settings()
                .withServerUrl(java.util.Optional.of(URI.create("https://central.example"))));

        DeskSettings fromFile = StartupOptions.parse(List.of(), home.toString(), "/nowhere").settings();
        DeskSettings overridden = StartupOptions.parse(List.of("--server=http://127.0.0.1:8080"), home.toString(), "/nowhere").settings();

        assertThat(fromFile.serverUrl()).contains(URI.create("https://central.example"));
        assertThat(overridden.serverUrl()).contains(URI.create("http://127.0.0.1:8080"));
        assertThat(new SettingsFile(home).load().serverUrl()).contains(URI.create("https://central.example"));
    }

    @Test
    void aHomeGivenOnTheCommandLineWinsOverThePropertyForTheSettingsAndTheLogsAlike() {
        assertThat(StartupOptions.home(List.of("--server=http://hub:8080", "--home=/srv/desk-2"), "/srv/desk-1", "/home/front"))
                .isEqualTo(Path.of("/srv/desk-2"));
        assertThat(StartupOptions.parse(List.of("--home=/srv/desk-2"), "/srv/desk-1", "/home/front").home())
                .isEqualTo(Path.of("/srv/desk-2"));
        assertThat(StartupOptions.home(List.of("--exit-when-synced"), "/srv/desk-1", "/home/front"))
                .isEqualTo(Path.of("/srv/desk-1"));
        assertThat(StartupOptions.home(List.of(), null, "/home/front")).isEqualTo(Path.of("/home/front/.venuedesk"));
    }

    @Test
    void theHomeDefaultsToADotDirectoryInTheUsersHome() {
        StartupOptions options = StartupOptions.parse(List.of(), null, "/home/front");

        assertThat(options.home()).isEqualTo(Path.of("/home/front/.venuedesk"));
    }

    @Test
    void theInstallationsPresetServerIsTheFirstRunsAndTheSettingsFileDecidesAfterwards(@TempDir Path home) {
        DeskSettings first = StartupOptions.parse(List.of(), home.toString(), "https://sync.example.org", "/nowhere").settings();
        assertThat(first.serverUrl()).contains(URI.create("https://sync.example.org"));

        // a manager switches to the embedded server in the settings: the preset does not take it back
        new SettingsFile(home).save(first.withServerUrl(java.util.Optional.empty()));
        DeskSettings later = StartupOptions.parse(List.of(), home.toString(), "https://sync.example.org", "/nowhere").settings();
        assertThat(later.serverUrl()).isEmpty();
        assertThat(later.deviceId()).isEqualTo(first.deviceId());
    }

    @Test
    void aRunQuitsByItselfOnlyWhenAskedAfterTheFirstSyncOrOnceTheCalendarIsUp() {
        assertThat(StartupOptions.parse(List.of(), null, "/home/front").quitWhen()).isEqualTo(QuitWhen.NEVER);
        assertThat(StartupOptions.parse(List.of("--exit-when-synced"), null, "/home/front").quitWhen()).isEqualTo(QuitWhen.SYNCED);
        assertThat(StartupOptions.parse(List.of("--exit-when-ready"), null, "/home/front").quitWhen()).isEqualTo(QuitWhen.READY);
        assertThatThrownBy(() -> StartupOptions.parse(List.of("--exit-when-ready", "--exit-when-synced"), null, "/home/front"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exclude each other");
    }

    @Test
    void theDemoVenueIsSeededOnlyWhenAskedFor() {
        assertThat(StartupOptions.parse(List.of(), null, "/home/front").demo()).isFalse();
        assertThat(StartupOptions.parse(List.of("--demo", "--exit-when-synced"), null, "/home/front").demo()).isTrue();
    }

    @Test
    void anUnknownOptionIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> StartupOptions.parse(List.of("--sever=x"), null, "/home/front"))
                .hasMessageContaining("--server=URL").hasMessageContaining("--exit-when-synced");
    }
}
