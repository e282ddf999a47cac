package com.venuedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void theDeskUsesItsOwnLoggingConfigurationWhichIsOnTheClassPath() {
        assertThat(Launcher.logConfiguration(null)).isEqualTo(Launcher.LOG_CONFIGURATION);
        assertThat(Launcher.logConfiguration(" ")).isEqualTo(Launcher.LOG_CONFIGURATION);
        assertThat(Launcher.class.getClassLoader().getResource(Launcher.LOG_CONFIGURATION)).isNotNull();
    }

    @Test
    void aConfigurationGivenOnTheCommandLineWins() {
        assertThat(Launcher.logConfiguration("/etc/venuedesk/logback.xml")).isEqualTo("/etc/venuedesk/logback.xml");
    }
}
