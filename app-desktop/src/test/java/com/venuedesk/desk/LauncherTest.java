package com.venuedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.logging.DeskLogging;
import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void theDeskUsesItsOwnLoggingConfigurationUnlessGivenOne() {
        assertThat(Launcher.logConfiguration(null)).isEqualTo(DeskLogging.SELECTOR);
        assertThat(Launcher.logConfiguration(" ")).isEqualTo(DeskLogging.SELECTOR);
    }

    @Test
    void aConfigurationGivenOnTheCommandLineWins() {
        assertThat(Launcher.logConfiguration("/etc/venuedesk/logback.xml")).isEqualTo("/etc/venuedesk/logback.xml");
    }
}
