package com.venuedesk.desk.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeskLoggingTest {
    @TempDir
    Path home;

    @Test
    void theDesksConfigurationLogsToTheConsoleAndToADailyFileInItsHomeWithTheLibrariesQuiet() throws Exception {
        String previousHome = System.getProperty("venuedesk.home");
        String previousConfiguration = System.getProperty("logback.configurationFile");
        System.setProperty("venuedesk.home", home.toString());
        System.setProperty("logback.configurationFile", DeskLogging.SELECTOR);
        LoggerContext context = new LoggerContext();
        // as logback's own start-up sets it
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            DeskLogging logging = new DeskLogging();
            logging.setContext(context);

            assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            assertThat(root.getLevel()).isEqualTo(Level.INFO);
            assertThat(root.getAppender("CONSOLE")).isNotNull();
            assertThat(root.getAppender("FILE")).isInstanceOf(RollingFileAppender.class);
            assertThat(context.getLogger("org.hibernate.SQL").getEffectiveLevel()).isEqualTo(Level.WARN);
            assertThat(context.getLogger("com.venuedesk.desk.App").getEffectiveLevel()).isEqualTo(Level.INFO);

            context.getLogger("com.venuedesk.desk.App").info("written to the desk's log");
            Path log = home.resolve("logs").resolve("desk.log");
            assertThat(Files.readString(log)).contains("INFO  [").contains("written to the desk's log");
        } finally {
            context.stop();
            restore("venuedesk.home", previousHome);
            restore("logback.configurationFile", previousConfiguration);
        }
    }

    @Test
    void aConfigurationFileGivenByItOrNoneAtAllLeavesLoggingToLogbacksOwnConfiguration() {
        String previous = System.getProperty("logback.configurationFile");
        LoggerContext context = new LoggerContext();
        try {
            DeskLogging logging = new DeskLogging();
            logging.setContext(context);
            System.setProperty("logback.configurationFile", "/etc/venuedesk/logback.xml");
            assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            System.clearProperty("logback.configurationFile");
            assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
        } finally {
            context.stop();
            restore("logback.configurationFile", previous);
        }
    }

    @Test
    void theLogsLiveInTheDesksHomeOrElseInTheUsersVenuedeskFolder() {
        assertThat(DeskLogging.logDirectory("/srv/desk", "/home/anna")).isEqualTo(Path.of("/srv/desk/logs"));
        assertThat(DeskLogging.logDirectory(null, "/home/anna")).isEqualTo(Path.of("/home/anna/.venuedesk/logs"));
        assertThat(DeskLogging.logDirectory(" ", "/home/anna")).isEqualTo(Path.of("/home/anna/.venuedesk/logs"));
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
