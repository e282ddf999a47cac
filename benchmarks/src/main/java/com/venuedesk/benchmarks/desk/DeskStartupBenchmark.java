package com.venuedesk.benchmarks.desk;

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
import java.util.regex.Pattern;

/**
 * Cold start of the desk to an interactive calendar, against the cold start of a one-window JavaFX program, both
 * as fresh JVMs in the same run. The desk runs as a user starts it ({@link Launcher}, embedded server, demo
 * sign-in) with a local store that already holds a week of bookings (as after an earlier sync), and counts as
 * ready when it logs {@code desk ready in N ms}: the first layout pass with bookings in the calendar is done.
 *
 * <p>The first start also creates the embedded server's database and demo venue (once per installation); it is
 * reported apart. Options: {@code -Dbench.starts=5}, {@code -Dbench.headless=false} (real display, e.g. under
 * {@code xvfb-run -a}).
 */
public final class DeskStartupBenchmark {
    private static final Pattern DESK_READY = Pattern.compile("desk ready in (\\d+) ms");
    private static final Pattern WINDOW_READY = Pattern.compile(Pattern.quote(MinimalFxWindow.MARKER) + "(\\d+) ms");
    private static final long TIMEOUT_SECONDS = 180;

    private DeskStartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int starts = Integer.getInteger("bench.starts", 5);
        ChildJvm jvm = new ChildJvm(ChildJvm.javafxOptions());
        Path home = Files.createTempDirectory("venuedesk-startup-bench");
        seedStore(home);

        ChildJvm.Start first = startDesk(jvm, home);
        List<Double> desk = new ArrayList<>();
        List<Double> deskReported = new ArrayList<>();
        List<Double> window = new ArrayList<>();
        List<Double> windowReported = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            // interleaved, so that a busy moment of the machine hurts both sides alike
            ChildJvm.Start w = jvm.runUntil(MinimalFxWindow.class.getName(), List.of(), Map.of(), WINDOW_READY, TIMEOUT_SECONDS);
            window.add(w.wallMillis());
            windowReported.add((double) w.reportedMillis());
            ChildJvm.Start d = startDesk(jvm, home);
            desk.add(d.wallMillis());
            deskReported.add((double) d.reportedMillis());
        }
        Stats deskStats = Stats.of(desk);
        Stats windowStats = Stats.of(window);
        // results go to the terminal, like the other benchmarks
        System.out.printf(Locale.ROOT, "%nVenueDesk desk cold start (%d starts each, %s, %d CPUs)%n", starts,
                Headless.enabled() ? "Monocle headless" : "real display", Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "first start (creates server DB + demo venue): %7.0f ms (desk's own count %d ms)%n",
                first.wallMillis(), first.reportedMillis());
        System.out.printf(Locale.ROOT, "minimal JavaFX window:   %s; own count median %.0f ms%n", windowStats.describe(),
                Stats.of(windowReported).median());
        System.out.printf(Locale.ROOT, "desk, calendar ready:    %s; own count median %.0f ms%n", deskStats.describe(),
                Stats.of(deskReported).median());
        System.out.printf(Locale.ROOT, "ratio desk / window:     %7.1f x (medians); desk median %s the 3 s target%n",
                deskStats.median() / windowStats.median(), deskStats.median() < 3000 ? "meets" : "misses");
    }

    private static ChildJvm.Start startDesk(ChildJvm jvm, Path home) throws Exception {
        return jvm.runUntil(Launcher.class.getName(), List.of(), Map.of("venuedesk.home", home.toString()), DESK_READY,
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
