package com.venuedesk.benchmarks.desk;

import com.calendarfx.model.Calendar;
import com.calendarfx.model.CalendarSource;
import com.calendarfx.model.Entry;
import com.calendarfx.model.Interval;
import com.calendarfx.view.WeekView;
import com.venuedesk.desk.calendar.BookingEntry;
import com.venuedesk.desk.calendar.CalendarMode;
import com.venuedesk.desk.calendar.CalendarPane;
import com.venuedesk.desk.calendar.CalendarViewModel;
import com.venuedesk.desk.dialog.DialogService;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.task.FxTaskExecutor;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.Customer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Showing a week with 2,000 bookings. The desk's path is the real one: the bookings sit in a {@link DeskStore} in a
 * temp directory, and the user moves a {@link CalendarPane} (week layout) from an empty week to the busy one, so
 * the {@link CalendarViewModel} loads them in the background and the pane turns them into CalendarFX entries.
 * Timed until that change has been laid out and drawn (a snapshot of the pane). Baseline in the same run: the same
 * bookings added straight to bare CalendarFX calendars in batch updates on a bare {@link WeekView}, timed the same
 * way. Options: {@code -Dbench.bookings=2000 -Dbench.resources=20 -Dbench.repetitions=15 -Dbench.headless=false}.
 */
public final class WeekRenderBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(WeekRenderBenchmark.class);
    private static final Locale LOCALE = Locale.UK;
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static final int WARMUP = 3;

    private WeekRenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int bookingCount = Integer.getInteger("bench.bookings", 2000);
        int resourceCount = Integer.getInteger("bench.resources", 20);
        int repetitions = Integer.getInteger("bench.repetitions", 15);
        Headless.configure();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);

        LocalDate busy = LocalDate.now(ZONE).with(TemporalAdjusters.previousOrSame(WeekFields.of(LOCALE).getFirstDayOfWeek()));
        LocalDate empty = busy.plusWeeks(10);
        BusyWeek week = new BusyWeek(busy, ZONE, resourceCount, bookingCount);
        Path dir = ScratchDir.create("venuedesk-week-bench");
        try {
            run(week, dir, busy, empty, repetitions);
        } finally {
            Platform.exit();
        }
    }

    private static void run(BusyWeek week, Path dir, LocalDate busy, LocalDate empty, int repetitions) throws Exception {
        int bookingCount = week.bookings().size();
        int resourceCount = week.resources().size();
        try (DeskStore store = DeskStore.open(dir.resolve("desk"));
             FxTaskExecutor tasks = new FxTaskExecutor(2, failure -> LOG.error("Background work failed", failure))) {
            store.applyPulled(week.asPulledChanges());
            DeskPath desk = onFx(() -> new DeskPath(store, tasks));
            BarePath bare = onFx(() -> new BarePath(week, busy));
            List<Double> deskTotal = new ArrayList<>();
            List<Double> deskOnFx = new ArrayList<>();
            List<Double> bareTotal = new ArrayList<>();
            List<Double> deskCpu = new ArrayList<>();
            List<Double> bareCpu = new ArrayList<>();
            for (int i = 0; i < WARMUP + repetitions; i++) {
                desk.show(empty, 0);
                Timing d = desk.show(busy, bookingCount);
                bare.clear();
                Timing b = bare.fill();
                if (i >= WARMUP) {
                    deskTotal.add(d.total());
                    deskOnFx.add(d.onFx());
                    bareTotal.add(b.total());
                    deskCpu.add(d.fxCpu());
                    bareCpu.add(b.fxCpu());
                }
            }
            int shown = onFx(() -> desk.pane.entriesOf(week.resources().get(0).id()).size());
            Stats deskStats = Stats.of(deskTotal);
            Stats fxStats = Stats.of(deskOnFx);
            Stats bareStats = Stats.of(bareTotal);
            // results go to the terminal, like the other benchmarks
            System.out.printf(Locale.ROOT, "%nVenueDesk week render (%d bookings on %d resources, %d repetitions after %d warm-up, %s, %dx%d)%n",
                    bookingCount, resourceCount, repetitions, WARMUP, Headless.enabled() ? "Monocle headless" : "real display",
                    WIDTH, HEIGHT);
            System.out.printf(Locale.ROOT, "bare CalendarFX WeekView, batch add:        %s%n", bareStats.describe());
            System.out.printf(Locale.ROOT, "desk week (store load + CalendarPane):      %s%n", deskStats.describe());
            System.out.printf(Locale.ROOT, "  of which on the FX thread (entries->draw): %s%n", fxStats.describe());
            System.out.printf(Locale.ROOT, "ratio desk / bare:                          %7.1f x (medians), FX part %.1f x; desk p90 %s the 500 ms target%n",
                    deskStats.median() / bareStats.median(), fxStats.median() / bareStats.median(),
                    deskStats.p90() < 500 ? "meets" : "misses");
            // CPU time of the FX thread does not grow when other processes take the cores: the steadier comparison on a busy machine
            System.out.printf(Locale.ROOT, "FX thread CPU per change: desk median %.0f ms, bare median %.0f ms, ratio %.1f x%n",
                    Stats.of(deskCpu).median(), Stats.of(bareCpu).median(), Stats.of(deskCpu).median() / Stats.of(bareCpu).median());
            System.out.printf(Locale.ROOT, "(check: the first resource shows %d entries in the desk's calendar)%n", shown);
            onFx(() -> {
                desk.stage.close();
                bare.stage.close();
                return null;
            });
        }
    }

    /**
     * One measured change: from the user's action to the drawn result, the part after the data arrived on the FX
     * thread, and the CPU time the FX thread spent in between.
     */
    private record Timing(double total, double onFx, double fxCpu) { }

    /** CPU time of the calling thread (the FX thread here), in ms. */
    private static double threadCpuMillis() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e6;
    }

    /** The desk's own calendar: CalendarViewModel on a real store, CalendarPane in a window. */
    private static final class DeskPath {
        private final CalendarViewModel model;
        private final CalendarPane pane;
        private final Stage stage;
        private long applied;

        DeskPath(DeskStore store, FxTaskExecutor tasks) {
            Messages messages = new Messages(LOCALE);
            VenueFormats formats = new VenueFormats(ZONE, LOCALE);
            LocalBookings bookings = new LocalBookings(store, Clock.systemUTC(), UUID.randomUUID());
            model = new CalendarViewModel(bookings, tasks, new QuietDialogs(), messages, formats, Clock.systemUTC(), request -> { });
            // registered before the pane's own listener, so it notes the moment the loaded bookings reach the FX thread
            model.entries().addListener((ListChangeListener<BookingEntry>) change -> applied = System.nanoTime());
            model.modeProperty().set(CalendarMode.WEEK);
            pane = new CalendarPane(model, messages, true);
            stage = window(pane);
        }

        /** Moves the calendar to {@code day}'s week and waits until {@code expected} bookings are drawn. */
        Timing show(LocalDate day, int expected) throws Exception {
            CompletableFuture<Timing> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                long start = System.nanoTime();
                double cpu = threadCpuMillis();
                if (expected == 0 && model.entries().isEmpty()) {
                    // nothing to clear: an empty load leaves an empty list unchanged, so no change event would come
                    model.dateProperty().set(day);
                    drawn(pane, () -> done.complete(new Timing(0, 0, 0)));
                    return;
                }
                model.entries().addListener(new ListChangeListener<>() {
                    @Override
                    public void onChanged(Change<? extends BookingEntry> change) {
                        if (model.entries().size() != expected) {
                            return;
                        }
                        model.entries().removeListener(this);
                        drawn(pane, () -> done.complete(new Timing((System.nanoTime() - start) / 1e6,
                                (System.nanoTime() - applied) / 1e6, threadCpuMillis() - cpu)));
                    }
                });
                model.dateProperty().set(day);
            });
            return done.get(120, TimeUnit.SECONDS);
        }
    }

    /** The baseline: CalendarFX alone, all bookings in one bare calendar on a bare WeekView. */
    private static final class BarePath {
        private final BusyWeek week;
        private final Calendar calendar = new Calendar("Venue");
        private final Map<UUID, String> names = new HashMap<>();
        private final WeekView view = new WeekView();
        private final Stage stage;

        BarePath(BusyWeek week, LocalDate busy) {
            this.week = week;
            CalendarSource source = new CalendarSource("Venue");
            source.getCalendars().add(calendar);
            for (Customer guest : week.guests()) {
                names.put(guest.id(), guest.name());
            }
            view.getCalendarSources().add(source);
            view.setZoneId(ZONE);
            view.setDate(busy);
            stage = window(view);
        }

        void clear() throws Exception {
            CompletableFuture<Void> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                calendar.startBatchUpdates();
                calendar.clear();
                calendar.stopBatchUpdates();
                drawn(view, () -> done.complete(null));
            });
            done.get(60, TimeUnit.SECONDS);
        }

        /** Adds the week's bookings in one batch; ms until laid out and drawn. */
        Timing fill() throws Exception {
            CompletableFuture<Timing> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                long start = System.nanoTime();
                double cpu = threadCpuMillis();
                List<Entry<?>> entries = new ArrayList<>();
                for (Booking booking : week.bookings()) {
                    Entry<Booking> entry = new Entry<>(names.get(booking.customerId()),
                            new Interval(booking.range().start(), booking.range().end(), ZONE), booking.id().toString());
                    entry.setUserObject(booking);
                    entries.add(entry);
                }
                calendar.startBatchUpdates();
                calendar.addEntries(entries);
                calendar.stopBatchUpdates();
                drawn(view, () -> {
                    double total = (System.nanoTime() - start) / 1e6;
                    done.complete(new Timing(total, total, threadCpuMillis() - cpu));
                });
            });
            return done.get(120, TimeUnit.SECONDS);
        }
    }

    private static Stage window(Parent root) {
        Stage stage = new Stage();
        stage.setScene(new Scene(root, WIDTH, HEIGHT));
        stage.show();
        return stage;
    }

    /**
     * Runs {@code then} once the change just made is laid out (after the next layout pass) and drawn (a snapshot
     * renders the node synchronously on the FX thread). Call on the FX thread.
     */
    private static void drawn(Parent node, Runnable then) {
        Scene scene = node.getScene();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(() -> {
                node.snapshot(null, null);
                then.run();
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

    /** Nobody reads dialogs in a benchmark; they are logged so that a failing load is not missed. */
    private static final class QuietDialogs implements DialogService {
        @Override
        public void notify(String message) {
            LOG.info("notice: {}", message);
        }

        @Override
        public void warn(String message) {
            LOG.warn("warning: {}", message);
        }

        @Override
        public void showError(String title, String message) {
            LOG.error("{}: {}", title, message);
        }

        @Override
        public boolean confirm(String title, String question) {
            return false;
        }

        @Override
        public Optional<String> askForText(String title, String prompt) {
            return Optional.empty();
        }
    }
}
