package com.venuedesk.desk;

import com.venuedesk.desk.admin.AdminClient;
import com.venuedesk.desk.admin.AdminView;
import com.venuedesk.desk.admin.AdminViewModel;
import com.venuedesk.desk.dashboard.AnalyticsClient;
import com.venuedesk.desk.dashboard.DashboardCache;
import com.venuedesk.desk.dashboard.DashboardView;
import com.venuedesk.desk.dashboard.DashboardViewModel;
import com.venuedesk.desk.approvals.ApprovalsView;
import com.venuedesk.desk.approvals.ApprovalsViewModel;
import com.venuedesk.desk.booking.BookingDialog;
import com.venuedesk.desk.i18n.RefusalWords;
import com.venuedesk.desk.booking.BookingDialogViewModel;
import com.venuedesk.desk.booking.NewBookingRequest;
import com.venuedesk.desk.calendar.BookingEntry;
import com.venuedesk.desk.calendar.CalendarPane;
import com.venuedesk.desk.calendar.CalendarViewModel;
import com.venuedesk.desk.conflicts.ConflictsView;
import com.venuedesk.desk.conflicts.ConflictsViewModel;
import com.venuedesk.desk.customers.CustomersView;
import com.venuedesk.desk.customers.CustomersViewModel;
import com.venuedesk.desk.dialog.DialogService;
import com.venuedesk.desk.dialog.FailureReporter;
import com.venuedesk.desk.dialog.FxDialogService;
import com.venuedesk.desk.handover.HandoverView;
import com.venuedesk.desk.handover.HandoverViewModel;
import com.venuedesk.desk.history.BookingHistoryDialog;
import com.venuedesk.desk.history.BookingHistoryViewModel;
import com.venuedesk.desk.history.DeskBookingHistory;
import com.venuedesk.desk.history.HistoryClient;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.navigation.NavigationView;
import com.venuedesk.desk.navigation.NavigationViewModel;
import com.venuedesk.desk.navigation.Section;
import com.venuedesk.desk.settings.DeskSettings;
import com.venuedesk.desk.settings.SettingsDialog;
import com.venuedesk.desk.settings.SettingsFile;
import com.venuedesk.desk.settings.SettingsViewModel;
import com.venuedesk.desk.setup.VenueSetupClient;
import com.venuedesk.desk.setup.VenueSetupView;
import com.venuedesk.desk.setup.VenueSetupViewModel;
import com.venuedesk.desk.sync.ProblemException;
import com.venuedesk.desk.signin.SignInResult;
import com.venuedesk.desk.signin.SignInView;
import com.venuedesk.desk.signin.SignInViewModel;
import com.venuedesk.desk.status.StatusBarView;
import com.venuedesk.desk.status.StatusViewModel;
import com.venuedesk.desk.store.CredentialCache;
import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.store.StoreChange;
import com.venuedesk.desk.sync.Credentials;
import com.venuedesk.desk.sync.DeskSignIn;
import com.venuedesk.desk.sync.SyncClient;
import com.venuedesk.desk.sync.SyncEngine;
import com.venuedesk.desk.sync.SyncStatus;
import com.venuedesk.desk.task.FxTaskExecutor;
import com.venuedesk.desk.task.TaskExecutor;
import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the only place where the desk's objects are created and wired. Opens the local store and
 * (when no central server is configured) starts the embedded server with demo data; after sign-in builds the
 * session's ViewModels and views and starts syncing; signing out tears the session down again.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);
    private static final String STYLESHEET = "/com/venuedesk/desk/desk.css";
    /** The front-desk account the embedded server's demo venue creates. */
    /** With a calendar that shows no bookings, how long after sign-in the embedded server waits before it boots. */
    private static final Duration SERVER_BOOT_AFTER_SIGN_IN = Duration.ofSeconds(3);
    /** The longest the embedded server waits for the desk to show its calendar (say, nobody signs in). */
    private static final Duration SERVER_BOOT_AT_THE_LATEST = Duration.ofSeconds(10);
    private static final String DEMO_USER = "desk";
    private static final String DEMO_PASSWORD = "desk-password";

    private final DeskSettings settings;
    private final Clock clock;
    private final Messages messages;
    private final VenueFormats formats;
    private final FailureReporter failures;
    private final TaskExecutor tasks;
    /** The embedded server's start, running in the background; null with a central server. */
    private final CompletableFuture<VenueDeskServer> embedded;
    private final CompletableFuture<Void> bootServer;
    /** Completes once the first screen is up (see {@link #open}): what waits for it does not compete with drawing it. */
    private final CompletableFuture<Void> firstScreen;
    /** The server's address; for the embedded server, set once it listens. */
    private final CompletableFuture<String> serverUrl;
    private final DeskStore store;
    private final SyncClient client;
    private final AdminClient admin;
    private final DeskSignIn signIn;
    private final ScheduledExecutorService syncScheduler;
    private Stage stage;
    private DialogService dialogs;
    private Session session;
    private boolean demoSignIn;
    /** Whether an embedded server seeds the demo venue; without it a fresh one waits for the venue's setup. */
    private boolean demo = true;
    private boolean readyLogged;
    /** Completes once the calendar has first drawn bookings. */
    private final CompletableFuture<Void> firstBookingsShown = new CompletableFuture<>();
    /** Run on the JavaFX thread after the first complete sync of a session; null for none. */
    private Runnable afterFirstSync;

    /** What exists only while someone is signed in. */
    private record Session(SignInResult.UserSession user, LocalBookings bookings, SyncEngine engine,
                           List<AutoCloseable> subscriptions) { }

    private AppContext(DeskSettings settings, Clock clock, CompletableFuture<VenueDeskServer> embedded,
                       CompletableFuture<Void> bootServer, CompletableFuture<Void> firstScreen, DeskStore store,
                       CompletableFuture<String> serverUrl) {
        this.settings = settings;
        this.clock = clock;
        this.messages = new Messages(settings.locale());
        this.formats = new VenueFormats(settings.venueZone(), settings.locale());
        this.failures = new FailureReporter(messages, this::onUi, () -> dialogs);
        this.tasks = new FxTaskExecutor(2, failures);
        this.embedded = embedded;
        this.bootServer = bootServer;
        this.firstScreen = firstScreen;
        this.serverUrl = serverUrl;
        this.store = store;
        this.client = new SyncClient(serverUrl, Duration.ofSeconds(10), Duration.ofSeconds(30), store.deviceId());
        this.admin = new AdminClient(client);
        this.signIn = new DeskSignIn(client, new CredentialCache(store,
                new SettingsFile(settings.home()).offlineSignInMaxAge()));
        java.util.concurrent.ScheduledThreadPoolExecutor scheduler = new java.util.concurrent.ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "desk-sync");
            thread.setDaemon(true);
            return thread;
        });
        // At shutdown only a sync already running finishes; retries and polls still waiting are dropped.
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.syncScheduler = scheduler;
    }

    /**
     * Opens everything that does not need a window: the local store, and (when no server URL is configured) starts
     * the embedded server in the background, where it boots while the desk opens its store, signs in and shows the
     * calendar from the store; the first sync runs once the server listens. Call off the JavaFX thread, e.g. from
     * {@code Application.init()}: opening the store takes a moment.
     */
    public static AppContext open(DeskSettings settings, Clock clock) {
        return open(settings, clock, true);
    }

    /**
     * As {@link #open(DeskSettings, Clock)}; with {@code bootAfterFirstScreen} false, what waits for the first screen
     * (an embedded server, the store's Hibernate) never boots unless something needs it (a sign-in the cache cannot
     * confirm, a write): for a run that ends at its first screen ({@code --exit-when-ready}), whose start-up cache
     * should hold what a start needs up to the calendar, and the same every time it is recorded.
     */
    public static AppContext open(DeskSettings settings, Clock clock, boolean bootAfterFirstScreen) {
        return open(settings, clock, bootAfterFirstScreen, true);
    }

    /**
     * As {@link #open(DeskSettings, Clock, boolean)}; with {@code demo} false an embedded server seeds no demo venue and
     * creates no first admin (no account with a known password): a fresh venue sets itself up through its setup route.
     */
    public static AppContext open(DeskSettings settings, Clock clock, boolean bootAfterFirstScreen, boolean demo) {
        CompletableFuture<VenueDeskServer> embedded = null;
        CompletableFuture<String> url;
        // Whether the embedded server may boot now. A desk that can confirm its staff's passwords from its own cache
        // lets it wait until the calendar is on screen: on a small machine the server's boot would otherwise compete
        // with opening the store and drawing the calendar, and nothing on that first screen needs the server.
        CompletableFuture<Void> bootServer = new CompletableFuture<>();
        CompletableFuture<Void> firstScreen = new CompletableFuture<Void>()
                .completeOnTimeout(null, SERVER_BOOT_AT_THE_LATEST.toMillis(), TimeUnit.MILLISECONDS);
        // The store's Hibernate (only writes need it; the first write boots it at once) waits for the first screen
        // too, when the cache can sign staff in; otherwise the online sign-in's first write (remembering the
        // credentials) needs it soon after the server answers, so it boots at once, while the server is awaited.
        CompletableFuture<Void> bootStore = new CompletableFuture<>();
        DeskStore store = DeskStore.open(settings.storeDir(), clock, afterwards(bootStore, "desk-store-boot"));
        boolean cacheSignsIn = new CredentialCache(store).knowsAnyone();
        if (cacheSignsIn) {
            if (bootAfterFirstScreen) {
                // also when the desk closes first (then the boot finds the store closed and does nothing)
                firstScreen.whenComplete((done, failure) -> bootStore.complete(null));
            }
        } else {
            bootStore.complete(null);
        }
        if (settings.embeddedServer()) {
            embedded = startEmbedded(settings.embeddedServerDir(), bootServer, demo);
            if (cacheSignsIn) {
                if (bootAfterFirstScreen) {
                    firstScreen.thenRun(() -> bootServer.complete(null));
                }
            } else {
                bootServer.complete(null);
            }
            url = embedded.thenApply(server -> server.baseUri().toString());
        } else {
            bootServer.complete(null);
            url = CompletableFuture.completedFuture(settings.serverUrl().orElseThrow().toString());
            LOG.info("Central server at {}", url.join());
        }
        AppContext context = new AppContext(settings, clock, embedded, bootServer, firstScreen, store, url);
        context.demo = demo;
        return context;
    }

    /**
     * Runs a task on a thread of its own once {@code gate} completes (or fails): a thread made here, not a pool's,
     * inherits the desk's context class loader (under {@code exec:java} not the system one), which Hibernate needs.
     */
    private static Executor afterwards(CompletableFuture<Void> gate, String name) {
        return task -> {
            Thread thread = new Thread(() -> {
                gate.handle((done, failure) -> null).join();
                task.run();
            }, name);
            thread.setDaemon(true);
            thread.start();
        };
    }

    /**
     * Boots the embedded server on a thread of its own. A server that fails to start leaves the desk working offline
     * (the status bar says so, and the failure is logged), as when a central server is down.
     */
    private static CompletableFuture<VenueDeskServer> startEmbedded(Path dir, CompletableFuture<Void> bootServer,
                                                                  boolean demo) {
        // at once, not in the background: whoever reads the file next finds it
        ServerConfig config = demo ? ServerConfig.embedded(dir).withDemo(true).withAdminPassword(adminPassword(dir))
                : ServerConfig.embedded(dir).awaitingSetup();
        CompletableFuture<VenueDeskServer> started = new CompletableFuture<>();
        Thread boot = new Thread(() -> {
            try {
                bootServer.join();
            } catch (CancellationException | CompletionException e) {
                started.completeExceptionally(new IllegalStateException("the desk closed before its server started", e));
                return;
            }
            try {
                VenueDeskServer server = VenueDeskServer.start(config);
                LOG.info("Embedded server at {} with data in {}", server.baseUri(), dir);
                started.complete(server);
            } catch (RuntimeException | Error e) {
                LOG.error("The embedded server did not start; the desk works offline", e);
                started.completeExceptionally(e);
            }
        }, "embedded-server-start");
        boot.setDaemon(true);
        boot.start();
        return started;
    }

    /** Closes the embedded server, waiting for it to finish starting first. */
    private static void closeEmbedded(CompletableFuture<VenueDeskServer> embedded) {
        if (embedded == null) {
            return;
        }
        try {
            embedded.join().close();
        } catch (CompletionException e) {
            LOG.debug("The embedded server never started, nothing to close");
        }
    }

    /** The embedded server's admin password: generated on first run and kept (readable by this user only). */
    private static String adminPassword(Path dir) {
        Path file = dir.resolve("admin-password.txt");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(dir);
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, password + System.lineSeparator());
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the embedded server's admin password in " + file, e);
        }
    }

    public FailureReporter failureReporter() {
        return failures;
    }

    public Messages messages() {
        return messages;
    }

    /** The embedded server, when this desk hosts one; starts it now if it waits, and waits until it has started. */
    public Optional<VenueDeskServer> embeddedServer() {
        bootServer.complete(null);
        return Optional.ofNullable(embedded).map(CompletableFuture::join);
    }

    /** True while the embedded server is still booting. */
    private boolean embeddedStarting() {
        return embedded != null && !serverUrl.isDone();
    }

    /** Runs {@code action} (on whichever thread) once the embedded server has started or failed to; at once otherwise. */
    private void whenServerStarted(Runnable action) {
        if (embedded == null) {
            action.run();
        } else {
            serverUrl.whenComplete((url, failure) -> action.run());
        }
    }

    public DeskStore store() {
        return store;
    }

    /**
     * Runs {@code action} on the JavaFX thread once the first screen is up: the calendar has drawn its first bookings
     * (or, for a week without any, a few seconds after sign-in).
     */
    public void whenFirstScreenUp(Runnable action) {
        firstScreen.thenRun(() -> onUi(() -> {
            LOG.info("first screen up; quitting as asked (--exit-when-ready)");
            action.run();
        }));
    }

    /** Runs {@code action} on the JavaFX thread once the next session's first sync has completed. */
    public void whenFirstSynced(Runnable action) {
        this.afterFirstSync = action;
    }

    /**
     * Shows the sign-in screen in {@code primary}. Call on the JavaFX thread.
     *
     * @param demoSignIn with the embedded demo server, sign in at once as the demo front-desk user
     */
    public void show(Stage primary, boolean demoSignIn) {
        this.demoSignIn = demoSignIn && embedded != null;
        this.stage = primary;
        this.dialogs = new FxDialogService(this::window, messages);
        primary.setTitle(messages.get("app.title"));
        primary.setMinWidth(900);
        primary.setMinHeight(600);
        showSignIn();
        primary.show();
    }

    private Window window() {
        return stage;
    }

    private void showSignIn() {
        SignInViewModel model = new SignInViewModel(this::authenticate, tasks, messages, this::startSession);
        if (embedded != null && demo) {
            model.showHint(messages.get("signin.demoHint"));
        }
        setRoot(new SignInView(model, messages));
        if (embedded != null && !demo) {
            offerSetup();
        }
        if (demoSignIn) {
            // only once: after signing out, the form stays for whoever signs in next
            demoSignIn = false;
            model.usernameProperty().set(DEMO_USER);
            model.passwordProperty().set(DEMO_PASSWORD);
            model.signIn();
        }
    }

    /** A real venue's first run on the embedded server: the setup form instead of the sign-in while no account exists. */
    private void offerSetup() {
        tasks.run(() -> embeddedServer().isPresent() && client.venueNeedsSetup(), needed -> {
            if (needed && session == null) {
                VenueSetupViewModel model = new VenueSetupViewModel(this::setUpVenue, tasks, messages,
                        settings.venueZone(), admin -> showSignIn());
                setRoot(new VenueSetupView(model, messages));
            }
        }, failure -> LOG.warn("Could not ask the embedded server whether the venue needs its setup", failure));
    }

    private VenueSetupClient.Outcome setUpVenue(VenueSetupClient.SetupRequest request) {
        try {
            client.setUpVenue(Map.of("venueName", request.venueName(), "timeZone", request.timeZone(),
                    "username", request.username(), "password", request.password()));
            LOG.info("venue set up on the embedded server; first admin {}", request.username());
            return new VenueSetupClient.Outcome.SetUp(request.username());
        } catch (ProblemException e) {
            return new VenueSetupClient.Outcome.Refused(e.problem().field(), e.problem().message());
        }
    }

    private SignInResult authenticate(String username, String password) {
        Credentials credentials = new Credentials(username, password);
        if (embeddedStarting()) {
            DeskSignIn.Result result = signIn.signInWhileServerStarts(credentials, () -> {
                // the cache cannot confirm this user: only the server can, so it boots now
                bootServer.complete(null);
                serverUrl.handle((url, failure) -> url).join();
            });
            if (result instanceof DeskSignIn.Result.Offline local) {
                // not offline: the desk's own server is about to listen, and the first sync signs in to it
                return new SignInResult.SignedIn(new SignInResult.UserSession(local.user().id(), local.user().username(),
                        local.user().role(), false));
            }
            return sessionOf(result);
        }
        return sessionOf(signIn.signIn(credentials));
    }

    private SignInResult sessionOf(DeskSignIn.Result result) {
        if (result instanceof DeskSignIn.Result.Online online) {
            return new SignInResult.SignedIn(new SignInResult.UserSession(online.user().id(), online.user().username(),
                    online.user().role(), false));
        }
        if (result instanceof DeskSignIn.Result.Offline offline) {
            return new SignInResult.SignedIn(new SignInResult.UserSession(offline.user().id(), offline.user().username(),
                    offline.user().role(), true));
        }
        DeskSignIn.Result.Refused refused = (DeskSignIn.Result.Refused) result;
        // the desk's own words for why, in its language; the server's English detail only when the desk has none
        return new SignInResult.Refused(new RefusalWords(messages, formats).problem(refused.problemType(),
                refused.reason(), null));
    }

    private void startSession(SignInResult.UserSession user) {
        LOG.info("{} signed in as {}{}", user.username(), user.role(), user.offline() ? " (offline)" : "");
        LocalBookings bookings = new LocalBookings(store, clock, user.userId());
        SyncEngine engine = new SyncEngine(store, client, syncScheduler, clock, SyncEngine.Settings.defaults());
        List<AutoCloseable> subscriptions = new ArrayList<>();
        session = new Session(user, bookings, engine, subscriptions);

        StatusViewModel status = new StatusViewModel(messages, formats);
        status.signedInAs(user.username(), messages.get("role." + user.role().name()), user.offline());
        subscriptions.add(engine.addStatusListener(s -> onUi(() -> show(status, s))));
        if (afterFirstSync != null) {
            Runnable action = afterFirstSync;
            afterFirstSync = null;
            AtomicBoolean once = new AtomicBoolean();
            subscriptions.add(engine.addStatusListener(s -> {
                if (s.lastSuccess() != null && once.compareAndSet(false, true)) {
                    // and once the calendar shows what the sync brought (a first start has nothing to show before),
                    // or a little later for a week without bookings
                    firstBookingsShown.copy().completeOnTimeout(null, 5, TimeUnit.SECONDS).thenRun(() -> onUi(() -> {
                        LOG.info("synced at {}; quitting as asked (--exit-when-synced)", s.lastSuccess());
                        action.run();
                    }));
                }
            }));
        }

        CalendarViewModel calendar = new CalendarViewModel(bookings, tasks, dialogs, messages, formats, clock,
                request -> openBookingDialog(bookings, request), booking -> openHistory(user, bookings, booking));
        subscriptions.add(calendar.watchStore());
        calendar.whenChangeRequested(booking -> openChangeDialog(bookings, booking));
        // the week's bookings load in the background while the screens are built: they are there by the first layout
        calendar.reload();
        CalendarPane calendarPane = new CalendarPane(calendar, messages, user.mayManage());
        if (!readyLogged) {
            readyLogged = true;
            // the startup benchmark waits for this line; uptime counts from the JVM's start, i.e. a cold start
            calendarPane.whenFirstBookingsShown(() -> {
                LOG.info("desk ready in {} ms", ManagementFactory.getRuntimeMXBean().getUptime());
                firstScreen.complete(null);
                firstBookingsShown.complete(null);
            });
        }
        // a week without bookings shows none: the server boots shortly after the calendar all the same
        CompletableFuture.delayedExecutor(SERVER_BOOT_AFTER_SIGN_IN.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> firstScreen.complete(null));

        ConflictsViewModel conflicts = new ConflictsViewModel(bookings, tasks, dialogs, messages, formats, clock);
        subscriptions.add(conflicts.watchStore());
        status.openConflictsProperty().bind(javafx.beans.binding.Bindings.size(conflicts.items()));
        subscriptions.add(bookings.onChange(change -> {
            if (change.touches(StoreChange.Topic.OUTBOX)) {
                tasks.run(bookings::pendingOutboxCount, status::pendingChanged, e -> LOG.warn("Counting the outbox failed", e));
            }
        }));

        NavigationViewModel navigation = new NavigationViewModel(Section.offeredTo(user.role()));
        Node screens = screens(user, bookings, engine, calendarPane, conflicts, navigation, subscriptions);
        StatusBarView statusBar = new StatusBarView(status);
        MainView main = new MainView(messages, calendar, screens, statusBar, user.username(),
                () -> syncNow(engine), this::signOut, new ConflictsView(conflicts, messages),
                user.mayManage() ? this::openSettings : null);
        main.showCalendarToolsWhen(navigation.currentProperty().isEqualTo(Section.CALENDAR));
        if (user.mayManage()) {
            ApprovalsViewModel approvals = new ApprovalsViewModel(bookings, tasks, dialogs, messages, formats, clock);
            subscriptions.add(approvals.watchStore());
            // in the status bar, beside the conflicts count: the calendar's toolbar is full at 1280 px
            statusBar.addTool(ApprovalsView.button(approvals, messages, this::window, day -> {
                calendar.modeProperty().set(com.venuedesk.desk.calendar.CalendarMode.DAY);
                calendar.dateProperty().set(day);
            }));
            approvals.reload();
        }
        setRoot(main);
        conflicts.reload();
        // with the embedded server still booting, the first sync waits for it rather than failing and backing off
        whenServerStarted(engine::start);
        if (user.offline()) {
            dialogs.warn(messages.get("signin.offlineNotice"));
        }
    }

    /**
     * The navigation and the screen of each section the user's role is offered (Admin for managers only). Only the
     * calendar is built now; every other screen (and its ViewModel, store listener and first load) is built when
     * its section is first opened, so that signing in is not held up by screens nobody looked at yet.
     */
    private Node screens(SignInResult.UserSession user, LocalBookings bookings, SyncEngine engine, Node calendarPane,
                         ConflictsViewModel conflicts, NavigationViewModel navigation, List<AutoCloseable> subscriptions) {
        Map<Section, Supplier<? extends Node>> screens = new EnumMap<>(Section.class);
        screens.put(Section.CALENDAR, () -> calendarPane);

        screens.put(Section.CUSTOMERS, () -> {
            CustomersViewModel customers = new CustomersViewModel(bookings, tasks, dialogs, messages, formats, clock);
            subscriptions.add(customers.watchStore());
            navigation.whenOpened(Section.CUSTOMERS, customers::reload);
            customers.reload();
            return new CustomersView(customers, messages);
        });

        screens.put(Section.HANDOVER, () -> {
            HandoverViewModel handover = new HandoverViewModel(bookings, tasks, dialogs, messages, formats, clock);
            subscriptions.add(handover.watchStore());
            navigation.whenOpened(Section.HANDOVER, handover::showToday);
            handover.showToday();
            return new HandoverView(handover);
        });

        screens.put(Section.CONFLICTS, () -> {
            javafx.scene.control.Label noConflicts = new javafx.scene.control.Label(messages.get("nav.noConflicts"));
            noConflicts.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(conflicts.items()));
            navigation.whenOpened(Section.CONFLICTS, conflicts::reload);
            conflicts.reload();
            return new javafx.scene.layout.StackPane(noConflicts, new ConflictsView(conflicts, messages));
        });

        if (navigation.offers(Section.ADMIN)) {
            screens.put(Section.ADMIN, () -> {
                AdminViewModel adminModel = new AdminViewModel(admin, tasks, dialogs, messages, formats.zone(), engine::requestSync);
                adminModel.onlineProperty().set(engine.status().online());
                subscriptions.add(engine.addStatusListener(s -> onUi(() -> adminModel.onlineProperty().set(s.online()))));
                navigation.whenOpened(Section.ADMIN, adminModel::reload);
                adminModel.reload();
                return new AdminView(adminModel, messages);
            });
        }
        if (navigation.offers(Section.DASHBOARD)) {
            screens.put(Section.DASHBOARD, () -> {
                DashboardViewModel dashboard = new DashboardViewModel(new AnalyticsClient(client, clock),
                        new DashboardCache(settings.home().resolve("dashboard-figures.json")), tasks, dialogs, messages,
                        formats.zone(), bookings::resources);
                navigation.whenOpened(Section.DASHBOARD, () -> {
                    dashboard.loadResources();
                    dashboard.reload();
                });
                dashboard.loadResources();
                dashboard.reload();
                return new DashboardView(dashboard);
            });
        }
        return NavigationView.lazy(navigation, messages, screens);
    }

    private void show(StatusViewModel status, SyncStatus s) {
        double progress = s.progress().running() ? s.progress().fraction() : 1;
        status.update(s.online(), s.pendingChanges(), Optional.ofNullable(s.lastSuccess()), progress,
                Optional.ofNullable(s.lastError()));
        status.resynced(s.resyncedAt());
    }

    private void openBookingDialog(LocalBookings bookings, NewBookingRequest request) {
        BookingDialogViewModel model = new BookingDialogViewModel(bookings, tasks, messages, formats, clock, request);
        new BookingDialog(model, messages, formats, window()).showAndWait().ifPresent(saved -> {
            dialogs.notify(messages.get("booking.saved"));
            if (session != null) {
                session.engine().requestSync();
            }
        });
    }

    /** Opens a booking to change its resource, times, guest or notes; the store and outbox are read in the background. */
    private void openChangeDialog(LocalBookings bookings, BookingEntry entry) {
        tasks.run(() -> bookings.booking(entry.bookingId()).map(local -> Map.entry(local.booking(),
                bookings.customer(local.booking().customerId()))), found -> found.ifPresent(pair -> {
            BookingDialogViewModel model = BookingDialogViewModel.change(bookings, tasks, messages, formats, clock,
                    pair.getKey(), pair.getValue().orElse(null));
            new BookingDialog(model, messages, formats, window()).showAndWait().ifPresent(saved -> {
                dialogs.notify(messages.get("booking.changed"));
                if (session != null) {
                    session.engine().requestSync();
                }
            });
        }), tasks::reportFailure);
    }

    private void openHistory(SignInResult.UserSession user, LocalBookings bookings, BookingEntry booking) {
        DeskBookingHistory source = new DeskBookingHistory(new HistoryClient(client), store, bookings,
                new CredentialCache(store), clock, user.mayManage());
        String title = booking.customerName() + ", " + formats.dateTime(booking.start()) + "\u2013" + formats.time(booking.end());
        BookingHistoryViewModel model = new BookingHistoryViewModel(source, tasks, messages, formats, store.deviceId(),
                booking.bookingId(), title);
        new BookingHistoryDialog(model, messages, window()).show();
        model.load();
    }

    private void openSettings() {
        SettingsViewModel model = new SettingsViewModel(new SettingsFile(settings.home()), settings, tasks, dialogs, messages);
        new SettingsDialog(model, messages, window()).showAndWait();
    }

    private void syncNow(SyncEngine engine) {
        tasks.run(() -> {
            engine.syncNow();
            return true;
        }, done -> dialogs.notify(messages.get("sync.done")), failure -> dialogs.warn(messages.get("sync.failed", failure.getMessage())));
    }

    private void signOut() {
        endSession();
        // forgotten here at once; ended on the server in the background (an offline desk only logs that it could not)
        client.signOut().ifPresent(refreshToken -> tasks.run(() -> client.revokeSignIn(refreshToken), revoked -> { }));
        showSignIn();
    }

    private void endSession() {
        Session ending = session;
        session = null;
        if (ending == null) {
            return;
        }
        for (AutoCloseable subscription : ending.subscriptions()) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.warn("Closing a listener failed", e);
            }
        }
        ending.engine().close();
        LOG.info("{} signed out", ending.user().username());
    }

    private void setRoot(Parent root) {
        Scene scene = stage.getScene();
        if (scene == null) {
            scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(AppContext.class.getResource(STYLESHEET).toExternalForm());
            stage.setScene(scene);
        } else {
            scene.setRoot(root);
        }
    }

    /**
     * Lets a running sync finish its local transaction: interrupting a thread in the middle of an H2 file write makes
     * H2 close the database, and a commit other connections already saw could be lost.
     */
    private static void stopWithoutInterrupting(java.util.concurrent.ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(15, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("sync still running after 15 s at shutdown; closing anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void onUi(Runnable action) {
        tasks.onUiThread(action);
    }

    @Override
    public void close() {
        endSession();
        stopWithoutInterrupting(syncScheduler);
        tasks.close();
        client.close();
        store.close();
        // a server still waiting to boot is not started just to be stopped
        bootServer.cancel(false);
        firstScreen.cancel(false);
        closeEmbedded(embedded);
        LOG.info("Desk closed");
    }
}
