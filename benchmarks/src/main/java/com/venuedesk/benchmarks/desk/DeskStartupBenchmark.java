package com.venuedesk.benchmarks.desk;

import com.venuedesk.benchmarks.desk.Installers.Cache;
import com.venuedesk.desk.Launcher;
import com.venuedesk.desk.store.DeskStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cold start of the desk to an interactive calendar, against the cold start of a one-window JavaFX program, both
 * as fresh JVMs in the same run. The desk runs as a user starts it ({@link Launcher}, embedded server, demo
 * sign-in) with a local store that already holds a week of bookings (as after an earlier sync), and counts as
 * ready when it logs {@code desk ready in N ms}: the first layout pass with bookings in the calendar is done.
 *
 * <p>Both programs start from jars, as installed: on this JDK without a start-up cache and with a class-data-sharing
 * archive, and on the runtime the Linux installers ship (JDK 25, if there is one) with an AOT cache. Each cache is
 * recorded by a training run of its own at the start of this run (the desk's as the installer records it, see
 * {@link Installers.Cache#trainDesk}). All kinds of start are interleaved, so that a busy moment of the machine hurts
 * all alike; the target is judged on the desk as installed. The first start also creates the embedded server's database
 * and demo venue (once per installation); it is reported apart. Options: {@code -Dbench.starts=5}, {@code
 * -Dbench.headless=false} (real display, e.g. under {@code xvfb-run -a}).
 */
public final class DeskStartupBenchmark {
    private static final Pattern DESK_READY = Pattern.compile("desk ready in (\\d+) ms");
    private static final Pattern WINDOW_READY = Pattern.compile(Pattern.quote(MinimalFxWindow.MARKER) + "(\\d+) ms");
    private static final long TIMEOUT_SECONDS = 180;

    private DeskStartupBenchmark() {
    }

    /** One kind of start and its timings. */
    private record Kind(String label, ChildJvm jvm, boolean desk, List<Double> wall, List<Double> reported) {
        Kind(String label, ChildJvm jvm, boolean desk) {
            this(label, jvm, desk, new ArrayList<>(), new ArrayList<>());
        }

        double median() {
            return Stats.of(wall).median();
        }
    }

    public static void main(String[] args) throws Exception {
        int starts = Integer.getInteger("bench.starts", 5);
        Path work = ScratchDir.create("venuedesk-startup-bench");
        Path home = work.resolve("home");
        seedStore(home);
        ChildJvm jars = new ChildJvm(ChildJvm.javafxOptions()).asJars(work.resolve("jars"));

        ChildJvm.Start first = startDesk(jars, home);
        Kind window = new Kind("minimal JavaFX window", jars, false);
        Kind desk = new Kind("desk, calendar ready", jars, true);
        Kind windowCds = trained(Cache.CDS, jars, work, false, "window, own CDS archive");
        Kind deskCds = trained(Cache.CDS, jars, work, true, "desk, own CDS archive");
        List<Kind> kinds = new ArrayList<>(List.of(window, desk, windowCds, deskCds));
        // the runtime the Linux installers ship, when it is not this JDK: JDK 25 or later, with an AOT cache
        Optional<Path> aotJdk = Installers.aotRuntime();
        Kind windowAot = null;
        Kind deskAot = null;
        if (aotJdk.isPresent()) {
            ChildJvm onAotJdk = jars.onJava(aotJdk.get());
            String jdk = "JDK " + ChildJvm.featureRelease(aotJdk.get());
            windowAot = trained(Cache.AOT, onAotJdk, work, false, "window, " + jdk + ", AOT cache");
            deskAot = trained(Cache.AOT, onAotJdk, work, true, "desk, " + jdk + ", AOT cache");
            kinds.add(windowAot);
            kinds.add(deskAot);
        }
        for (int i = 0; i < starts; i++) {
            for (Kind kind : kinds) {
                ChildJvm.Start start = kind.desk() ? startDesk(kind.jvm(), home)
                        : kind.jvm().runUntil(MinimalFxWindow.class.getName(), List.of(), Map.of(), WINDOW_READY, TIMEOUT_SECONDS);
                kind.wall().add(start.wallMillis());
                kind.reported().add((double) start.reportedMillis());
            }
        }

        // results go to the terminal, like the other benchmarks
        System.out.printf(Locale.ROOT, "%nVenueDesk desk cold start (%d starts each, from jars, %s, %d CPUs)%n", starts,
                Headless.enabled() ? "Monocle headless" : "real display", Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "first start (creates server DB + demo venue): %7.0f ms (desk's own count %d ms)%n",
                first.wallMillis(), first.reportedMillis());
        for (Kind kind : kinds) {
            System.out.printf(Locale.ROOT, "%-26s %s; own count median %.0f ms%n", kind.label() + ":",
                    Stats.of(kind.wall()).describe(), Stats.of(kind.reported()).median());
        }
        System.out.printf(Locale.ROOT, "ratio desk / window:       %7.1f x without archives, %.1f x each with its own CDS archive%s%n",
                desk.median() / window.median(), deskCds.median() / windowCds.median(), deskAot == null ? ""
                        : String.format(Locale.ROOT, ", %.1f x each with its own AOT cache", deskAot.median() / windowAot.median()));
        Kind installed = deskAot != null ? deskAot : deskCds;
        System.out.printf(Locale.ROOT, "desk median as installed (%s) %.0f ms %s the 3 s target; JDK 17 with its CDS archive %.0f ms,"
                + " without %.0f ms%n", installed.label(), installed.median(), installed.median() < 3000 ? "meets" : "misses",
                deskCds.median(), desk.median());
    }

    /**
     * The desk (trained as the installer trains it, see {@link Cache#trainDesk}) or the bare window, starting with a cache
     * of {@code kind} that a training run of its own records first.
     */
    private static Kind trained(Cache cache, ChildJvm jvm, Path work, boolean desk, String label) throws Exception {
        String name = (desk ? "desk" : "window") + "-" + cache.name().toLowerCase(Locale.ROOT);
        Path file = work.resolve(name + ".cache");
        ChildJvm started = desk
                ? cache.trainDesk(jvm, file, work.resolve("training-" + name))
                : cache.train(jvm, file, MinimalFxWindow.class.getName(), List.of(MinimalFxWindow.EXIT), Map.of());
        System.out.printf(Locale.ROOT, "%s recorded by a training run: %d MB%n", label, Files.size(file) >> 20);
        return new Kind(label, started, desk);
    }

    private static ChildJvm.Start startDesk(ChildJvm jvm, Path home) throws Exception {
        return jvm.runUntil(Launcher.class.getName(), List.of("--demo"), Map.of("venuedesk.home", home.toString()), DESK_READY,
                TIMEOUT_SECONDS);
    }

    /** The week the desk opens on (its default layout), filled as an earlier sync would have left it. */
    private static void seedStore(Path home) {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate firstDay = LocalDate.now(zone)
                .with(TemporalAdjusters.previousOrSame(WeekFields.of(Locale.getDefault()).getFirstDayOfWeek()));
        try (DeskStore store = DeskStore.open(home.resolve("desk"))) {
            store.applyPulled(new BusyWeek(firstDay, zone, 10, 300).asPulledChanges());
        }
    }
}
