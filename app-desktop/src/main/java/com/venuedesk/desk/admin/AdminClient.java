package com.venuedesk.desk.admin;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.desk.sync.AuthSession;
import com.venuedesk.desk.sync.NotSignedInException;
import com.venuedesk.desk.sync.Problem;
import com.venuedesk.desk.sync.ProblemException;
import com.venuedesk.desk.sync.ServerUnreachableException;
import com.venuedesk.desk.sync.SyncClient;
import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.server.wire.Json;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online-only administration calls ({@code /api/v1/resources}, their availability rules, {@code /api/v1/blackouts}).
 * Tokens come from the desk's {@link SyncClient} session; on a 401 it asks that client to refresh once and repeats,
 * so the refresh-token rotation stays in one place. Failures are {@link ServerUnreachableException} (offline),
 * {@link ProblemException} (problem+json, with the offending {@code field}) or {@link NotSignedInException}.
 * Blocking: call through the task executor.
 */
public final class AdminClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminClient.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final java.util.function.Function<String, HttpUrl> urls;
    private final SyncClient sessions;
    private final OkHttpClient http;
    private final ObjectMapper mapper = Json.newMapper()
            .addMixIn(AvailabilityRule.class, PlainRecord.class)
            .addMixIn(Blackout.class, PlainRecord.class);

    /**
     * The REST answers are plain records; whether or not they carry the change log's {@code entityType} tag, they are
     * read by their declared type.
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    private interface PlainRecord { }

    /** Opening hours (or, with available false, a recurring closure) to add. */
    public record RuleInput(DayOfWeek dayOfWeek, LocalTime startTime, LocalTime endTime, boolean available,
                            LocalDate validFrom, LocalDate validTo) { }

    /** Blackout days to add; a null resourceId closes the whole venue. */
    public record BlackoutInput(UUID resourceId, LocalDate startDate, LocalDate endDate, String reason) { }

    public AdminClient(String baseUrl, SyncClient sessions) {
        this(path -> HttpUrl.get(baseUrl).newBuilder().addPathSegments(path).build(), sessions);
    }

    /** A client for the server {@code sessions} talks to (also while that server's address is not known yet). */
    public AdminClient(SyncClient sessions) {
        this(sessions::resolve, sessions);
    }

    private AdminClient(java.util.function.Function<String, HttpUrl> urls, SyncClient sessions) {
        this.urls = urls;
        this.sessions = sessions;
        this.http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(30)).build();
    }

    public List<AdminResource> resources() {
        return readList(call("GET", url("api/v1/resources"), null), AdminResource.class);
    }

    /** Creates the resource (201); the id in the body is the client's. */
    public AdminResource createResource(AdminResource resource) {
        return read(call("POST", url("api/v1/resources"), resource), AdminResource.class);
    }

    /** Changes the resource; the body carries the revision read (412 problem when someone changed it since). */
    public AdminResource updateResource(AdminResource resource) {
        return read(call("PUT", url("api/v1/resources/" + resource.id()), resource), AdminResource.class);
    }

    public List<AvailabilityRule> rules(UUID resourceId) {
        return readList(call("GET", url("api/v1/resources/" + resourceId + "/availability-rules"), null), AvailabilityRule.class);
    }

    public AvailabilityRule addRule(UUID resourceId, RuleInput rule) {
        return read(call("POST", url("api/v1/resources/" + resourceId + "/availability-rules"), rule), AvailabilityRule.class);
    }

    public void deleteRule(UUID resourceId, UUID ruleId) {
        call("DELETE", url("api/v1/resources/" + resourceId + "/availability-rules/" + ruleId), null);
    }

    public List<Blackout> blackouts() {
        return readList(call("GET", url("api/v1/blackouts"), null), Blackout.class);
    }

    public Blackout addBlackout(BlackoutInput blackout) {
        return read(call("POST", url("api/v1/blackouts"), blackout), Blackout.class);
    }

    public void deleteBlackout(UUID blackoutId) {
        call("DELETE", url("api/v1/blackouts/" + blackoutId), null);
    }

    // ---- plumbing

    private String call(String method, HttpUrl url, Object body) {
        AuthSession session = sessions.session().orElseThrow(() -> new NotSignedInException("not signed in to the server"));
        try (Response response = execute(method, url, body, session)) {
            if (response.code() != 401) {
                return bodyOrThrow(response);
            }
        }
        LOG.debug("{} {} answered 401; refreshing the session once", method, url.encodedPath());
        AuthSession renewed = sessions.refresh();
        try (Response response = execute(method, url, body, renewed)) {
            return bodyOrThrow(response);
        }
    }

    private Response execute(String method, HttpUrl url, Object body, AuthSession session) {
        RequestBody payload = body == null ? null : RequestBody.create(write(body), JSON);
        Request request = new Request.Builder().url(url).method(method, payload)
                .header("Authorization", "Bearer " + session.accessToken())
                .header("Accept", "application/json, application/problem+json").build();
        try {
            return http.newCall(request).execute();
        } catch (IOException e) {
            throw new ServerUnreachableException(method + " " + url.encodedPath() + " failed: " + e, e);
        }
    }

    private String bodyOrThrow(Response response) {
        String text;
        try {
            text = response.body().string();
        } catch (IOException e) {
            throw new ServerUnreachableException("reading the answer to " + response.request().url().encodedPath() + " failed: " + e, e);
        }
        if (!response.isSuccessful()) {
            throw new ProblemException(problemOf(response.code(), text));
        }
        return text;
    }

    private Problem problemOf(int status, String body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node != null && node.isObject()) {
                return new Problem(node.path("type").asText(null), node.path("title").asText(null),
                        node.path("status").asInt(status), node.path("detail").asText(null), node.path("field").asText(null));
            }
        } catch (JsonProcessingException e) {
            LOG.debug("Error answer {} is not problem+json", status);
        }
        return new Problem(null, "HTTP " + status, status, null, null);
    }

    private byte[] write(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new ProblemException(new Problem(null, "unreadable answer", 502, e.getOriginalMessage(), null));
        }
    }

    /** A JSON array, or an object that holds the array under {@code items}. */
    private <T> List<T> readList(String text, Class<T> type) {
        try {
            JsonNode node = mapper.readTree(text);
            JsonNode array = node.isArray() ? node : node.path("items");
            JavaType listType = mapper.getTypeFactory().constructCollectionType(List.class, type);
            return mapper.treeToValue(array, listType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ProblemException(new Problem(null, "unreadable answer", 502, e.getMessage(), null));
        }
    }

    private HttpUrl url(String path) {
        return urls.apply(path);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
