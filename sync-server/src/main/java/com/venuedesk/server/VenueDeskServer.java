package com.venuedesk.server;

import com.venuedesk.server.analytics.AnalyticsApi;
import com.venuedesk.server.analytics.BusinessCounters;
import com.venuedesk.server.calendar.CalendarFeed;
import com.venuedesk.server.calendar.CalendarFeedApi;
import com.venuedesk.server.notifications.ContactPreferences;
import com.venuedesk.server.notifications.NotificationApi;
import com.venuedesk.server.notifications.NotificationDispatcher;
import com.venuedesk.server.notifications.NotificationSender;
import com.venuedesk.server.notifications.NotificationSettings;
import com.venuedesk.server.notifications.NotificationStore;
import com.venuedesk.server.notifications.ProviderSignature;
import com.venuedesk.server.notifications.SmtpMailTransport;
import com.venuedesk.server.notifications.Templates;
import com.venuedesk.server.notifications.TwilioSmsGateway;
import com.venuedesk.server.notifications.UnsubscribeTokens;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import com.venuedesk.server.analytics.HourCalendar;
import com.venuedesk.server.analytics.VenueAnalytics;
import com.venuedesk.server.consumers.ConsumerApi;
import com.venuedesk.server.consumers.ConsumerSettings;
import com.venuedesk.server.consumers.LogConsumer;
import com.venuedesk.server.consumers.LogConsumers;
import com.venuedesk.server.audit.AuditApi;
import com.venuedesk.server.audit.AuditTrail;
import com.venuedesk.server.history.LogIdentity;
import com.venuedesk.server.history.VenueHistory;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.server.api.OperationsApi;
import com.venuedesk.server.api.ProblemMapper;
import com.venuedesk.server.api.RouteTable;
import com.venuedesk.server.api.TextInput;
import com.venuedesk.server.auth.AccessTokens;
import com.venuedesk.server.auth.CurrentAccounts;
import com.venuedesk.server.auth.AuthApi;
import com.venuedesk.server.auth.AuthPolicy;
import com.venuedesk.server.auth.AuthService;
import com.venuedesk.server.auth.LoginRateLimiter;
import com.venuedesk.server.auth.RefreshTokens;
import com.venuedesk.server.auth.UserApi;
import com.venuedesk.server.auth.UserService;
import com.venuedesk.server.auth.SetupApi;
import com.venuedesk.server.auth.VenueSetup;
import com.venuedesk.model.rules.PricingPolicy;
import com.venuedesk.server.booking.BookingApi;
import com.venuedesk.server.booking.BookingCommands;
import com.venuedesk.server.booking.BookingService;
import com.venuedesk.server.customers.CustomerApi;
import com.venuedesk.server.customers.CustomerService;
import com.venuedesk.server.demo.DemoVenue;
import com.venuedesk.server.resources.ResourceApi;
import com.venuedesk.server.resources.ResourceService;
import com.venuedesk.server.resources.ScheduleCache;
import com.venuedesk.server.persistence.Database;
import com.venuedesk.server.persistence.ServerSettings;
import com.venuedesk.server.sync.ChangeEvents;
import com.venuedesk.server.sync.SyncApi;
import com.venuedesk.server.sync.SyncService;
import com.venuedesk.server.wire.Json;
import io.javalin.Javalin;
import io.javalin.http.util.AsyncExecutor;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import kotlin.LazyKt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running sync server: the composition root where every server object is wired, and the handle by which a
 * desk app embeds the server in its own process. Start with {@link #start(ServerConfig)}, stop with {@link #close()}.
 */
public final class VenueDeskServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VenueDeskServer.class);
    public static final String VERSION = "0.1.0";
    /** How often the change stream looks at the change log head: desks hear of a commit within this (plus a pull). */
    private static final Duration CHANGE_POLL = Duration.ofMillis(250);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final Database db;
    private final Javalin http;
    private final PrometheusMeterRegistry meters;
    private final Optional<String> generatedAdminPassword;
    private final RouteTable routeTable;
    private final ChangeEvents changeEvents;
    private final BookingService bookings;
    private final ExecutorService async;
    private final VenueHistory history;
    private final LogConsumers consumers;
    private final NotificationSender sender;
    private final NotificationStore notifications;

    private VenueDeskServer(Database db, Javalin http, PrometheusMeterRegistry meters, Optional<String> generatedAdminPassword,
                            RouteTable routeTable, ChangeEvents changeEvents, BookingService bookings, ExecutorService async,
                            VenueHistory history, LogConsumers consumers, NotificationSender sender,
                            NotificationStore notifications) {
        this.db = db;
        this.sender = sender;
        this.notifications = notifications;
        this.history = history;
        this.consumers = consumers;
        this.async = async;
        this.bookings = bookings;
        this.changeEvents = changeEvents;
        this.http = http;
        this.meters = meters;
        this.generatedAdminPassword = generatedAdminPassword;
        this.routeTable = routeTable;
    }

    public static VenueDeskServer start(ServerConfig config) {
        return start(config, List.of(), ConsumerSettings.defaults());
    }

    /**
     * Starts a server that also runs {@code extraConsumers} of the venue's history besides its own, with the given
     * consumer settings (tests use this to watch the consumer mechanism at work).
     */
    public static VenueDeskServer start(ServerConfig config, List<LogConsumer> extraConsumers,
                                        ConsumerSettings consumerSettings) {
        createDataDir(config.dataDir());
        Database db = Database.open(config.effectiveDbUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize(),
                Entities.all());
        try {
            return wire(config, db, extraConsumers, consumerSettings);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static VenueDeskServer wire(ServerConfig config, Database db, List<LogConsumer> extraConsumers,
                                        ConsumerSettings consumerSettings) {
        ObjectMapper json = Json.newMapper().registerModule(TextInput.module());
        LogIdentity log = LogIdentity.open(db);
        VenueHistory history = new VenueHistory(log, config.clock(), json);
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(meters);
        new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(meters);

        AccessTokens tokens = new AccessTokens(new ServerSettings(db).tokenSigningKey(), config.clock(),
                config.accessTokenLifetime());
        AuthPolicy authPolicy = config.authPolicy();
        RefreshTokens refreshTokens = new RefreshTokens(config.clock(), authPolicy.refreshTokenLifetime());
        // every route's token check: signed, the account still active in the role it acts in, the sign-in not ended
        CurrentAccounts accounts = new CurrentAccounts(tokens, db);
        AuthService auth = new AuthService(db, history, tokens, refreshTokens, authPolicy, config.clock(), accounts);
        Optional<String> generatedAdminPassword = config.awaitSetup() ? Optional.empty()
                : auth.bootstrapAdmin(config.adminPassword());
        LoginRateLimiter loginLimiter = new LoginRateLimiter(authPolicy.loginAttemptsPerWindow(),
                authPolicy.loginWindow(), config.clock());

        RouteTable table = new RouteTable();
        new OperationsApi(db, meters, table, json, VERSION).routes(table);
        new AuthApi(auth, loginLimiter).routes(table);
        new SetupApi(new VenueSetup(db, authPolicy, config.clock())).routes(table);
        new UserApi(new UserService(db, history, refreshTokens, authPolicy, config.clock(), accounts::changed)).routes(table);

        // bookings, resources, customers (and the demo venue built through the same services)
        ResourceService resources = new ResourceService(db, history, config.bookingLimits());
        CustomerService customers = new CustomerService(db, history);
        BookingService bookings = new BookingService(db, history, config.clock(), PricingPolicy.standard(),
                new ScheduleCache(), config.bookingLimits());
        new ResourceApi(resources).routes(table);
        new CustomerApi(customers).routes(table);
        new BookingApi(bookings).routes(table);
        SyncService sync = new SyncService(db, log, new BookingCommands(bookings, customers), json, config.clock(), meters);
        ChangeEvents changeEvents = new ChangeEvents(sync::head, log.logId(), CHANGE_POLL, HEARTBEAT);
        meters.gauge("venuedesk.sync.listeners", changeEvents, ChangeEvents::listeners);
        new SyncApi(sync, changeEvents, json).routes(table);
        new AuditApi(new AuditTrail(db, json)).routes(table);
        // notifications: the dispatcher records intents from the history, the sender delivers them (ARCHITECTURE.md)
        NotificationSettings notify = config.notifications();
        AtomicReference<URI> boundUrl = new AtomicReference<>(URI.create("http://127.0.0.1:" + config.port()));
        Supplier<URI> publicUrl = () -> notify.publicUrl() != null ? notify.publicUrl() : boundUrl.get();
        byte[] serverKey = new ServerSettings(db).tokenSigningKey();
        UnsubscribeTokens unsubscribe = new UnsubscribeTokens(serverKey);
        ContactPreferences preferences = new ContactPreferences(db, config.clock());
        NotificationStore notificationStore = new NotificationStore(db);
        NotificationSender sender = new NotificationSender(notificationStore, preferences,
                notify.smtp() == null ? null : new SmtpMailTransport(notify.smtp()),
                notify.sms() == null ? null : new TwilioSmsGateway(notify.sms(), json), notify, publicUrl, unsubscribe,
                config.clock(), LogConsumers.instanceName());
        new NotificationApi(notificationStore, preferences, unsubscribe,
                notify.sms() == null ? null : new ProviderSignature(notify.sms().authToken()), notify, publicUrl,
                config.clock()).routes(table);
        new CalendarFeedApi(new CalendarFeed(db, config.clock()), publicUrl).routes(table);
        new AnalyticsApi(new VenueAnalytics(db, new HourCalendar(db), config.clock())).routes(table);
        List<LogConsumer> consumerList = new ArrayList<>();
        consumerList.add(new BusinessCounters(db, meters));
        consumerList.add(new NotificationDispatcher(notify, new Templates(), unsubscribe, publicUrl, config.clock()));
        consumerList.addAll(extraConsumers);
        LogConsumers consumers = new LogConsumers(db, log, consumerList, consumerSettings, config.clock(), meters);
        new ConsumerApi(consumers).routes(table);
        if (config.demo()) {
            new DemoVenue(db, resources, customers, bookings, config.clock()).seedIfEmpty();
        }

        ProblemMapper problems = new ProblemMapper(json);
        // Javalin's own pool for asynchronous requests (the change stream) has non-daemon threads that outlive
        // stop() by a minute: a desk that quits would hang that long. This one is daemon and ends with the server.
        ExecutorService async = Executors.newCachedThreadPool(daemonThreads("venuedesk-async-"));
        Javalin http = Javalin.create(cfg -> {
            cfg.concurrency.executor = LazyKt.lazyOf(new AsyncExecutor(async));
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.http.maxRequestSize = config.maxRequestBytes();
            cfg.startup.showJavalinBanner = false;
            // what Jetty answers itself, before any route (bad URI, headers too large, ...), is problem+json too
            cfg.jetty.modifyServer(server -> server.setErrorHandler(problems.jettyErrors()));
            cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(problems.jettyErrors()));
            // the server is started right below; Javalin's watcher for a forgotten start() is a thread that sleeps
            // 5 s, and a desk that quits sooner (a smoke run under exec:java) saw it interrupted as a failure
            cfg.startup.startupWatcherEnabled = false;
            problems.register(cfg.routes);
            table.registerWith(cfg.routes, accounts, meters);
        });
        try {
            http.start(config.bindHost(), config.port());
            boundUrl.set(URI.create("http://" + ("0.0.0.0".equals(config.bindHost()) ? "127.0.0.1" : config.bindHost())
                    + ":" + http.port()));
            consumers.start();
            sender.start();
        } catch (RuntimeException e) {
            sender.close();
            consumers.close();
            http.stop();
            changeEvents.close();
            bookings.close();
            async.shutdownNow();
            throw e;
        }
        LOG.info("VenueDesk server {} listening on {}:{} with {}; e-mail {}, SMS {}", VERSION, config.bindHost(),
                http.port(), db.vendor(), notify.smtp() == null ? "not sent (no mail server configured)"
                        : "via " + notify.smtp().host() + ":" + notify.smtp().port(),
                notify.sms() == null ? "not sent" : "via " + notify.sms().baseUrl());
        return new VenueDeskServer(db, http, meters, generatedAdminPassword, table, changeEvents, bookings, async, history,
                consumers, sender, notificationStore);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void createDataDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create data directory " + dir, e);
        }
    }

    public int port() {
        return http.port();
    }

    /** The base address on loopback, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public Database database() {
        return db;
    }

    /** The venue's history as this server writes it (its log id and epoch too). */
    public VenueHistory history() {
        return history;
    }

    /** The consumers of the venue's history this server runs. */
    public LogConsumers consumers() {
        return consumers;
    }

    /** The notification sender of this instance (tests run rounds of it by hand). */
    public NotificationSender notificationSender() {
        return sender;
    }

    /** The notification outbox. */
    public NotificationStore notifications() {
        return notifications;
    }

    public RouteTable routes() {
        return routeTable;
    }

    /** The admin password generated on first start, if none was configured; empty afterwards. */
    public Optional<String> generatedAdminPassword() {
        return generatedAdminPassword;
    }

    @Override
    public void close() {
        try {
            sender.close();
            consumers.close();
            changeEvents.close();
            http.stop();
            async.shutdownNow();
            bookings.close();
        } finally {
            meters.close();
            db.close();
        }
    }
}
