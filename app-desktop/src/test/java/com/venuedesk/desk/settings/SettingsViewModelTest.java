package com.venuedesk.desk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.RecordingDialogService;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
    @TempDir
    Path home;

    private final RecordingDialogService dialogs = new RecordingDialogService();

    private SettingsViewModel model() {
        DeskSettings current = StartupOptions.parse(List.of(), home.toString(), "/nowhere").settings();
        return new SettingsViewModel(new SettingsFile(home), current, new SameThreadTaskExecutor(), dialogs, new Messages(Locale.ENGLISH));
    }

    @Test
    void aManagerPointsTheDeskAtTheCentralServerAndItIsKeptForTheNextStart() {
        SettingsViewModel model = model();
        model.serverUrlProperty().set("https://venuedesk.example.org");
        model.languageProperty().set(Locale.GERMAN);
        model.venueZoneProperty().set("Europe/Vienna");

        assertThat(model.save()).isTrue();

        DeskSettings next = new SettingsFile(home).load();
        assertThat(next.serverUrl()).contains(URI.create("https://venuedesk.example.org"));
        assertThat(next.locale().getLanguage()).isEqualTo("de");
        assertThat(next.venueZone()).isEqualTo(ZoneId.of("Europe/Vienna"));
        assertThat(dialogs.notifications).containsExactly("Settings saved. They apply from the next start.");
    }

    @Test
    void aBadAddressOrZoneIsShownNextToItsFieldAndNothingIsSaved() {
        SettingsViewModel model = model();
        model.serverUrlProperty().set("venuedesk.example.org");
        model.venueZoneProperty().set("Berlin");

        assertThat(model.save()).isFalse();

        assertThat(model.serverUrlErrorProperty().get()).isEqualTo("Enter an http:// or https:// address, or leave it empty.");
        assertThat(model.venueZoneErrorProperty().get()).isEqualTo("Not a time zone (e.g. Europe/Berlin).");
        assertThat(new SettingsFile(home).load().embeddedServer()).isTrue();
    }
}
