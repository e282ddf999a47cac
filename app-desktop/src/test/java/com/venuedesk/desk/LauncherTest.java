package com.venuedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.logging.DeskLogging;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void theDeskUsesItsOwnLoggingConfigurationUnlessGivenOne() {
        assertThat(Launcher.logConfiguration(null)).isEqualTo(DeskLogging.SELECTOR);
        assertThat(Launcher.logConfiguration(" ")).isEqualTo(DeskLogging.SELECTOR);
    }

    @Test
    void theLogsFollowAHomeGivenOnTheCommandLineAsTheRestOfTheDeskDoes() {
        assertThat(Launcher.deskHome(List.of("--server=http://hub:8080", "--home=/srv/desk-2"), "/srv/desk-1"))
                .isEqualTo("/srv/desk-2");
        assertThat(Launcher.deskHome(List.of("--exit-when-synced"), "/srv/desk-1")).isEqualTo("/srv/desk-1");
        assertThat(Launcher.deskHome(List.of(), null)).isNull();
    }

    @Test
    void aConfigurationGivenOnTheCommandLineWins() {
        assertThat(Launcher.logConfiguration("/etc/venuedesk/logback.xml")).isEqualTo("/etc/venuedesk/logback.xml");
    }
}
