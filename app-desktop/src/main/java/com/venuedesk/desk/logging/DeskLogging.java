package com.venuedesk.desk.logging;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import com.venuedesk.desk.settings.StartupOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * The desk's logging, set up in code when the desk starts ({@link com.venuedesk.desk.Launcher} asks for it): to the
 * console, and to {@code <home>/logs/desk.log}, rolled daily and at 10 MB, kept 14 days and 200 MB at most; the
 * libraries' chatter at WARN. Logback finds this class through {@code META-INF/services}; it replaces an XML file
 * because reading one (Joran) held up every start by about a tenth of a second, before the first window. A start with
 * {@code -Dlogback.configurationFile=...} (IT's own file) or without the launcher (tests) is left to logback's own
 * configuration.
 */
public final class DeskLogging extends ContextAwareBase implements Configurator {
    /** The value of {@code logback.configurationFile} with which the launcher asks for this configuration. */
    public static final String SELECTOR = "venuedesk-desk";
    private static final List<String> QUIET = List.of("org.hibernate", "com.zaxxer.hikari", "org.flywaydb",
            "org.eclipse.jetty", "io.javalin");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!SELECTOR.equals(System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY))) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Path dir = logDirectory(System.getProperty("venuedesk.home"), System.getProperty("user.home"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console(context));
        root.addAppender(file(context, dir));
        for (String name : QUIET) {
            context.getLogger(name).setLevel(Level.WARN);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code <venuedesk.home>/logs}, else {@code <user.home>/.venuedesk/logs}, as the desk's home is chosen. */
    static Path logDirectory(String deskHome, String userHome) {
        return StartupOptions.home(List.of(), deskHome, userHome).resolve("logs");
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder(context, "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n"));
        console.start();
        return console;
    }

    private static RollingFileAppender<ILoggingEvent> file(LoggerContext context, Path dir) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir.resolve("desk.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir.resolve("desk.%d{yyyy-MM-dd}.%i.log").toString());
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(14);
        rolling.setTotalSizeCap(FileSize.valueOf("200MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(encoder(context, "%d{ISO8601} %-5level [%thread] %logger - %msg%n"));
        file.start();
        return file;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
