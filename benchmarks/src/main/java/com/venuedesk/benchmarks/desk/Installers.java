package com.venuedesk.benchmarks.desk;

import com.venuedesk.desk.Launcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the Linux installers ship, as {@code installers/build-desk-installer.sh} makes it: the Java runtime (the JDK
 * named by {@code VENUEDESK_RUNTIME_JDK}, here also {@code -Dbench.runtimeJdk}, else the newest JDK 25 or later in
 * {@code /usr/lib/jvm}) and the start-up cache a training run records for it: an AOT cache on JDK 25 and later, a
 * dynamic class-data-sharing archive on the build's JDK 17 when no such runtime is there.
 */
public final class Installers {
    /** The first release whose AOT cache the installers record (JEP 483, 514, 515). */
    static final int AOT_RELEASE = 25;
    private static final long TRAINING_TIMEOUT_SECONDS = 600;
    private static final String DESK = Launcher.class.getName();

    private Installers() {
    }

    /** A start-up cache: how a training run records it, how a start uses it. */
    public enum Cache {
        CDS("CDS archive", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=", List.of()),
        /**
         * JavaFX loads native libraries and (Marlin) calls sun.misc.Unsafe memory methods: the launcher allows both up
         * front, as JDK 24 and later would otherwise warn on every start.
         */
        AOT("AOT cache", "-XX:AOTCacheOutput=", "-XX:AOTCache=",
                List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));

        private final String label;
        private final String record;
        private final String use;
        private final List<String> runtimeOptions;

        Cache(String label, String record, String use, List<String> runtimeOptions) {
            this.label = label;
            this.record = record;
            this.use = use;
            this.runtimeOptions = runtimeOptions;
        }

        public String label() {
            return label;
        }

        /**
         * Records this cache into {@code file} with a training run of {@code mainClass} on {@code jvm} (to its end),
         * and answers the child that starts with it.
         */
        public ChildJvm train(ChildJvm jvm, Path file, String mainClass, List<String> args, Map<String, String> properties)
                throws IOException, InterruptedException {
            ChildJvm runtime = jvm.withOptions(runtimeOptions.toArray(String[]::new));
            runtime.withOptions(record + file).runToEnd(mainClass, args, properties, TRAINING_TIMEOUT_SECONDS);
            return runtime.withOptions(use + file);
        }

        /**
         * Records the desk's cache as the installer does: a first run in a scratch home {@code home} sets it up
         * ({@code --exit-when-synced}: embedded server, demo venue, first sync; not recorded), the recorded second
         * run quits once the calendar is up ({@code --exit-when-ready}). Answers the child that starts with it.
         */
        public ChildJvm trainDesk(ChildJvm jvm, Path file, Path home) throws IOException, InterruptedException {
            Map<String, String> inHome = Map.of("venuedesk.home", home.toString());
            jvm.withOptions(runtimeOptions.toArray(String[]::new))
                    .runToEnd(DESK, List.of("--demo", "--exit-when-synced"), inHome, TRAINING_TIMEOUT_SECONDS);
            return train(jvm, file, DESK, List.of("--demo", "--exit-when-ready"), inHome);
        }
    }

    /** The runtime the installers ship when it is not the build's own JDK: a JDK 25 or later, if there is one. */
    public static Optional<Path> aotRuntime() {
        String named = System.getProperty("bench.runtimeJdk", System.getenv("VENUEDESK_RUNTIME_JDK"));
        if (named != null && !named.isBlank()) {
            Path home = Path.of(named);
            return ChildJvm.featureRelease(home) >= AOT_RELEASE ? Optional.of(home) : Optional.empty();
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        List<Path> homes = new ArrayList<>();
        try (Stream<Path> listed = Files.list(jvms)) {
            listed.filter(home -> Files.isExecutable(home.resolve("bin/jpackage"))).forEach(homes::add);
        } catch (IOException e) {
            return Optional.empty();
        }
        return homes.stream().filter(home -> ChildJvm.featureRelease(home) >= AOT_RELEASE)
                .max(Comparator.comparingInt(ChildJvm::featureRelease));
    }
}
