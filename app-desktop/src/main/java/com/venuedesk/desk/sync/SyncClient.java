package com.venuedesk.desk.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.venuedesk.model.sync.PushRequest;
import com.venuedesk.model.sync.PushResponse;
import com.venuedesk.server.wire.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's HTTP client for the sync server's {@code /api/v1} (OkHttp, JSON by {@link Json#newMapper()}).
 * It keeps the session tokens in memory: on a 401 it refreshes once (keeping the rotated refresh token) and
 * repeats the call; without a session it logs in with remembered credentials when it has them (a user who
 * signed in offline). Failures come out as {@link ServerUnreachableException} (network) or
 * {@link ProblemException} (the server's problem+json).
 */
public final class SyncClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    /** Names the desk on every call, so the server records the device of REST changes as it does of pushed ones. */
    static final String DEVICE_HEADER = "X-Device-Id";

    /** Known at once for a central server; for an embedded server still booting, once it listens. */
    private final CompletableFuture<String> baseUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    /** This desk's device id, sent as {@value #DEVICE_HEADER} on every call; null sends none (some tests). */
    private final String deviceId;
    private final Object clientsLock = new Object();
    /** Built by the first call, once the server's address is known: see {@link #clients(HttpUrl)}. */
    private volatile Clients clients;
    private final ObjectMapper mapper = Json.newMapper();
    private final Object sessionLock = new Object();
    private AuthSession session;
    private Credentials reloginCredentials;

    /** A client with 10 s connect and 30 s read timeouts. */
    public SyncClient(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public SyncClient(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        this(CompletableFuture.completedFuture(HttpUrl.get(baseUrl).toString()), connectTimeout, readTimeout);
    }

    /**
     * A client for a server whose address is known only once it has started (the desk's embedded server boots in
     * the background). Until then every call fails as {@link ServerUnreachableException}, as when offline.
     */
    public SyncClient(CompletionStage<String> baseUrl, Duration connectTimeout, Duration readTimeout) {
        this(baseUrl, connectTimeout, readTimeout, null);
    }

    /** As above, naming the desk ({@code deviceId}, the store's) in an {@value #DEVICE_HEADER} header on every call. */
    public SyncClient(CompletionStage<String> baseUrl, Duration connectTimeout, Duration readTimeout, UUID deviceId) {
        // kept as given, not as a derived stage: a caller that waited for this very stage must find the address set
        this.baseUrl = baseUrl.toCompletableFuture();
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.deviceId = deviceId == null ? null : deviceId.toString();
    }

    /** As {@link #SyncClient(String, Duration, Duration)}, naming the desk on every call. */
    public SyncClient(String baseUrl, Duration connectTimeout, Duration readTimeout, UUID deviceId) {
        this(CompletableFuture.completedFuture(HttpUrl.get(baseUrl).toString()), connectTimeout, readTimeout, deviceId);
    }

    /** The client for calls and the one for the change stream, which is idle for as long as nothing changes. */
    private record Clients(OkHttpClient http, OkHttpClient streaming) { }

    /**
     * The HTTP clients, built by the first call to {@code server}. A server on plain HTTP (the desk's embedded server,
     * on loopback) gets clients without TLS: OkHttp would otherwise load the platform's trust store (some 150
     * certificates) as it builds them, which the desk's start paid for before its first screen.
     */
    private Clients clients(HttpUrl server) {
        Clients built = clients;
        if (built == null) {
            synchronized (clientsLock) {
                built = clients;
                if (built == null) {
                    OkHttpClient.Builder http = new OkHttpClient.Builder()
                            .connectTimeout(connectTimeout)
                            .readTimeout(readTimeout)
                            .writeTimeout(readTimeout)
                            .callTimeout(readTimeout.multipliedBy(2));
                    if (!server.isHttps()) {
                        http.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
                    }
                    OkHttpClient calls = http.build();
                    built = new Clients(calls, calls.newBuilder().readTimeout(Duration.ZERO).callTimeout(Duration.ZERO).build());
                    clients = built;
                }
            }
        }
        return built;
    }

    // ---- authentication

    /** Signs in; the session is kept for later calls. */
    public AuthSession login(String username, String password) {
        AuthSession fresh = authCall("api/v1/auth/login", Map.of("username", username, "password", password));
        synchronized (sessionLock) {
            session = fresh;
        }
        log.info("Signed in to {} as {}", baseUrl.join(), fresh.user().username());
        return fresh;
    }

    /** Exchanges the refresh token for new tokens, keeping the newest refresh token. */
    public AuthSession refresh() {
        String refreshToken;
        synchronized (sessionLock) {
            if (session == null) {
                throw new NotSignedInException("not signed in");
            }
            refreshToken = session.refreshToken();
        }
        AuthSession fresh = authCall("api/v1/auth/refresh", Map.of("refreshToken", refreshToken));
        synchronized (sessionLock) {
            session = fresh;
        }
        return fresh;
    }

    /**
     * Credentials to log in with when a call needs a session and none exists (or it cannot be refreshed),
     * e.g. after an offline sign-in once the server is reachable again. Held in memory only.
     */
    public void loginWhenNeeded(Credentials credentials) {
        synchronized (sessionLock) {
            reloginCredentials = credentials;
        }
    }

    public Optional<AuthSession> session() {
        synchronized (sessionLock) {
            return Optional.ofNullable(session);
        }
    }

    /**
     * Forgets the session and any remembered credentials, at once and without I/O (a sign-in right after finds none),
     * and answers the session's refresh token for {@link #revokeSignIn}, which ends it on the server.
     */
    public Optional<String> signOut() {
        synchronized (sessionLock) {
            Optional<String> refreshToken = Optional.ofNullable(session).map(AuthSession::refreshToken);
            session = null;
            reloginCredentials = null;
            return refreshToken;
        }
    }

    /**
     * Ends a sign-in on the server ({@code POST /api/v1/auth/logout}): its refresh token and every access token of it
     * stop working. Off the UI thread. An unreachable server is logged, not thrown: the desk has signed out anyway,
     * and the token expires with its lifetime.
     *
     * @return true when the server confirmed it
     */
    public boolean revokeSignIn(String refreshToken) {
        Request request = withDevice(new Request.Builder().url(url("api/v1/auth/logout"))
                .post(jsonBody(Map.of("refreshToken", refreshToken)))).build();
        try (Response response = clients(request.url()).http().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                log.warn("The server did not end the sign-in (HTTP {})", response.code());
                return false;
            }
            log.info("Signed out at {}", baseUrl.join());
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("Could not reach the server to end the sign-in; its refresh token expires by itself: {}", e.toString());
            return false;
        }
    }

    // ---- a real venue's first run

    /** Whether the server still waits for its venue's setup (it has no accounts yet). */
    public boolean venueNeedsSetup() {
        Request request = withDevice(new Request.Builder().url(url("api/v1/setup")).get()).build();
        try (Response response = clients(request.url()).http().newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw new ProblemException(problemOf(response.code(), text));
            }
            return mapper.readTree(text).path("needed").asBoolean(false);
        } catch (IOException e) {
            throw unreachable(request, e);
        }
    }

    /**
     * Sets the venue up ({@code POST /api/v1/setup}: name, time zone, first admin and password).
     *
     * @throws ProblemException refused: a field's problem, or 409 when the venue has accounts already
     */
    public void setUpVenue(Map<String, String> setup) {
        Request request = withDevice(new Request.Builder().url(url("api/v1/setup")).post(jsonBody(setup))).build();
        try (Response response = clients(request.url()).http().newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw new ProblemException(problemOf(response.code(), text));
            }
        } catch (IOException e) {
            throw unreachable(request, e);
        }
    }

    private AuthSession authCall(String path, Map<String, String> body) {
        Request request = withDevice(new Request.Builder().url(url(path)).post(jsonBody(body))).build();
        try (Response response = clients(request.url()).http().newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw new ProblemException(problemOf(response.code(), text));
            }
            JsonNode node = mapper.readTree(text);
            JsonNode user = node.path("user");
            return new AuthSession(node.path("accessToken").asText(), node.path("refreshToken").asText(),
                    node.hasNonNull("expiresAt") ? mapper.treeToValue(node.get("expiresAt"), java.time.Instant.class) : null,
                    mapper.treeToValue(user, SignedInUser.class));
        } catch (IOException e) {
            throw unreachable(request, e);
        }
    }

    // ---- sync

    /** Pushes mutations in order; the answer has one outcome per mutation, in the same order. */
    public PushResponse push(PushRequest pushRequest) {
        String text = authorized(() -> new Request.Builder().url(url("api/v1/sync/push")).post(jsonBody(pushRequest)));
        return read(text, PushResponse.class);
    }

    /** Changes after {@code since} (null: from the beginning), at most {@code limit}. */
    public PullPage pull(String since, int limit) {
        HttpUrl.Builder url = url("api/v1/sync/pull").newBuilder().addQueryParameter("limit", String.valueOf(limit));
        if (since != null) {
            url.addQueryParameter("since", since);
        }
        HttpUrl pullUrl = url.build();
        String text = authorized(() -> new Request.Builder().url(pullUrl).get());
        try {
            return PullReader.read(mapper, text);
        } catch (IOException | RuntimeException e) {
            String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new ProblemException(new Problem(null, "unreadable pull answer", 502, detail, null));
        }
    }

    // ---- other calls

    /**
     * An authenticated JSON call on the server's {@code /api/v1} for callers beyond sync (the admin screens): the
     * session is handled as for sync (log in with remembered credentials when there is none, refresh once on a 401
     * and repeat), so refresh-token rotation stays in this one client.
     *
     * @param method HTTP method, e.g. {@code GET}, {@code PUT}
     * @param path   relative to the server's address, e.g. {@code api/v1/resources}
     * @param body   written with the wire mapper; null sends no body
     * @return the answer's body
     * @throws ProblemException the server's problem+json answer (with the offending field)
     * @throws ServerUnreachableException no answer
     * @throws NotSignedInException no session and no credentials to open one
     */
    public String callJson(String method, String path, Object body) {
        if (path.indexOf('?') >= 0) {
            // the path is one encoded path; a query written into it would be sent as %3F and answered 404
            throw new IllegalArgumentException("a query belongs in getJson's parameters, not in the path: " + path);
        }
        HttpUrl target = url(path);
        return authorized(() -> new Request.Builder().url(target).method(method, body == null ? null : jsonBody(body))
                .header("Accept", "application/json, application/problem+json"));
    }

    /**
     * An authenticated {@code GET} of {@code path} with query parameters (e.g. the audit trail's filters), handled as
     * {@link #callJson}.
     */
    public String getJson(String path, Map<String, String> query) {
        HttpUrl.Builder target = url(path).newBuilder();
        query.forEach(target::addQueryParameter);
        HttpUrl built = target.build();
        return authorized(() -> new Request.Builder().url(built).get()
                .header("Accept", "application/json, application/problem+json"));
    }

    /**
     * As {@link #pull}, on OkHttp's own dispatcher threads, so that a caller can store one page while the next one
     * travels. The future fails with the same {@link SyncException}s {@code pull} throws.
     */
    public CompletableFuture<PullPage> pullAsync(String since, int limit) {
        HttpUrl server;
        try {
            server = resolve("");
        } catch (SyncException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.supplyAsync(() -> pull(since, limit), clients(server).http().dispatcher().executorService());
    }


    /**
     * Opens the server's change stream ({@code GET /api/v1/sync/events}). {@code listener} hears each
     * {@code change} event's cursor, the opening, and the end of the stream (with the failure, or null when the
     * server closed it); reconnecting is the caller's choice.
     */
    public EventSource listenForChanges(ChangeStreamListener listener) {
        HttpUrl events = url("api/v1/sync/events");
        Request.Builder request = withDevice(new Request.Builder().url(events).header("Accept", "text/event-stream"));
        session().ifPresent(s -> request.header("Authorization", "Bearer " + s.accessToken()));
        return EventSources.createFactory(clients(events).streaming()).newEventSource(request.build(), new EventSourceListener() {
            @Override
            public void onOpen(EventSource eventSource, Response response) {
                listener.opened();
            }

            @Override
            public void onEvent(EventSource eventSource, String id, String type, String data) {
                if ("change".equals(type)) {
                    listener.changed(cursorOf(data));
                }
            }

            @Override
            public void onClosed(EventSource eventSource) {
                listener.ended(null, 0);
            }

            @Override
            public void onFailure(EventSource eventSource, Throwable t, Response response) {
                listener.ended(t, response == null ? 0 : response.code());
            }
        });
    }

    private String cursorOf(String data) {
        try {
            return mapper.readTree(data).path("cursor").asText(null);
        } catch (JsonProcessingException e) {
            log.debug("Change event without a readable cursor: {}", data);
            return null;
        }
    }

    /** What the change stream tells. Called on OkHttp's threads. */
    public interface ChangeStreamListener {
        void opened();

        /** The server committed a change; {@code cursor} may be null when the event did not carry one. */
        void changed(String cursor);

        /** The stream ended: failure null means the server closed it; status 0 means no HTTP answer. */
        void ended(Throwable failure, int status);
    }

    // ---- plumbing

    /** Runs an authenticated call: logs in first if needed, refreshes once on 401 and repeats it. */
    private String authorized(java.util.function.Supplier<Request.Builder> request) {
        AuthSession current = ensureSession();
        try (Response response = execute(request.get(), current)) {
            if (response.code() != 401) {
                return bodyOrThrow(response);
            }
        }
        AuthSession renewed = renew(current);
        try (Response response = execute(request.get(), renewed)) {
            if (response.code() == 401) {
                synchronized (sessionLock) {
                    session = null;
                }
            }
            return bodyOrThrow(response);
        }
    }

    private AuthSession ensureSession() {
        Credentials credentials;
        synchronized (sessionLock) {
            if (session != null) {
                return session;
            }
            credentials = reloginCredentials;
        }
        if (credentials == null) {
            throw new NotSignedInException("not signed in");
        }
        return loginAgain(credentials);
    }

    /**
     * Logs in with remembered credentials. If the server refuses them (password changed meanwhile) they are
     * forgotten at once: retrying them in the background would only lock the account.
     */
    private AuthSession loginAgain(Credentials credentials) {
        try {
            return login(credentials.username(), credentials.password());
        } catch (ProblemException e) {
            if (e.isTransient()) {
                throw e;
            }
            synchronized (sessionLock) {
                if (reloginCredentials == credentials) {
                    reloginCredentials = null;
                }
            }
            log.warn("Server refused the remembered sign-in of {}: {}", credentials.username(), e.problem().message());
            throw new NotSignedInException("the server refused the sign-in of " + credentials.username()
                    + ": " + e.problem().message());
        }
    }

    /** After a 401: refresh (unless another call already did), else log in again with remembered credentials. */
    private AuthSession renew(AuthSession rejected) {
        synchronized (sessionLock) {
            if (session != null && session != rejected) {
                return session;
            }
        }
        try {
            return refresh();
        } catch (ProblemException e) {
            if (e.status() != 401 && e.status() != 403 && e.status() != 400) {
                throw e;
            }
            Credentials credentials;
            synchronized (sessionLock) {
                session = null;
                credentials = reloginCredentials;
            }
            if (credentials == null) {
                throw new NotSignedInException("the session expired: " + e.problem().message());
            }
            return loginAgain(credentials);
        }
    }

    private Response execute(Request.Builder request, AuthSession auth) {
        Request built = withDevice(request.header("Authorization", "Bearer " + auth.accessToken())).build();
        try {
            return clients(built.url()).http().newCall(built).execute();
        } catch (IOException e) {
            throw unreachable(built, e);
        }
    }

    private String bodyOrThrow(Response response) {
        String text;
        try {
            text = response.body().string();
        } catch (IOException e) {
            throw unreachable(response.request(), e);
        }
        if (!response.isSuccessful()) {
            throw new ProblemException(problemOf(response.code(), text));
        }
        return text;
    }

    private Problem problemOf(int status, String body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node instanceof ObjectNode) {
                return new Problem(node.path("type").asText(null), node.path("title").asText(null),
                        node.path("status").asInt(status), node.path("detail").asText(null), node.path("field").asText(null));
            }
        } catch (JsonProcessingException e) {
            log.debug("Error answer {} is not problem+json", status);
        }
        return new Problem(null, "HTTP " + status, status, null, null);
    }

    private Request.Builder withDevice(Request.Builder request) {
        return deviceId == null ? request : request.header(DEVICE_HEADER, deviceId);
    }

    private ServerUnreachableException unreachable(Request request, IOException e) {
        return new ServerUnreachableException(request.method() + " " + request.url().encodedPath() + " failed: " + e, e);
    }

    /**
     * The address of {@code path} on the server; {@link ServerUnreachableException} while the server's address is
     * not known yet (it is still starting) or when it failed to start.
     */
    public HttpUrl resolve(String path) {
        String base = baseUrl.getNow(null);
        if (base == null) {
            if (baseUrl.isCompletedExceptionally()) {
                Throwable failure = baseUrl.handle((url, e) -> e).join();
                throw new ServerUnreachableException("the server did not start: " + failure.getMessage(),
                        new IOException(failure));
            }
            throw new ServerUnreachableException("the server is still starting", new IOException("not listening yet"));
        }
        return HttpUrl.get(base).newBuilder().addPathSegments(path).build();
    }

    private HttpUrl url(String path) {
        return resolve(path);
    }

    private RequestBody jsonBody(Object value) {
        try {
            return RequestBody.create(mapper.writeValueAsBytes(value), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new ProblemException(new Problem(null, "unreadable answer", 502, e.getOriginalMessage(), null));
        }
    }

    @Override
    public void close() {
        Clients built = clients;
        if (built == null) {
            return;
        }
        built.http().dispatcher().executorService().shutdown();
        built.http().connectionPool().evictAll();
    }
}
