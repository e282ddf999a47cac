package com.venuedesk.benchmarks.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A benchmark's working directory, deleted with everything in it when the JVM ends (normally, by System.exit, or on
 * SIGTERM): an initial-sync run leaves gigabytes of databases behind otherwise.
 */
public final class ScratchDir {
    private ScratchDir() {
    }

    /** A new directory in the system's temporary directory, named {@code prefix...}, gone when this JVM ends. */
    public static Path create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "delete-" + prefix));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
