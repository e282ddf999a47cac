package com.venuedesk.desk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.sync.Change;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.MutationOutcome;
import com.venuedesk.model.sync.PullResponse;
import com.venuedesk.model.sync.PushRequest;
import com.venuedesk.model.sync.PushResponse;
import com.venuedesk.server.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Plays the sync server's wire protocol for the desk's tests: login and rotating refresh tokens, push with
 * per-mutation outcomes (a repeated mutation id answers Duplicate with the first outcome), pull pages from a
 * change log whose cursors are positions, and a change event stream.
 */
final class WireServer extends Dispatcher {
    final ObjectMapper mapper = Json.newMapper();
    final UUID userId = UUID.randomUUID();
    final String username = "frontdesk";
    final String password = "correct horse";

    final List<PushRequest> pushes = new CopyOnWriteArrayList<>();
    final List<String> pullQueries = new CopyOnWriteArrayList<>();
    final List<Change> changeLog = new CopyOnWriteArrayList<>();
    final Deque<Integer> failNextPushesWith = new ConcurrentLinkedDeque<>();
    /** A pull from one of these cursors is answered once with the status given. */
    final Map<String, Integer> failPullFrom = new ConcurrentHashMap<>();
    /** A pull from one of these cursors is answered 410 cursor-reset, as a server restored from a backup does. */
    final java.util.Set<String> resetCursors = ConcurrentHashMap.newKeySet();
    final List<String> refreshTokensUsed = new CopyOnWriteArrayList<>();
    final AtomicInteger eventStreamsOpened = new AtomicInteger();
    final CountDownLatch announceChange = new CountDownLatch(1);
    private final Map<UUID, MutationOutcome> answered = new ConcurrentHashMap<>();
    private final AtomicLong revisions = new AtomicLong(100);
    private final AtomicInteger tokenGeneration = new AtomicInteger(1);
    volatile Function<Mutation, MutationOutcome> decide =
            m -> new MutationOutcome.Applied(m.mutationId(), m.entityId(), revisions.incrementAndGet());
    volatile String accessToken = "access-1";
    volatile String refreshToken = "refresh-1";

    /** Makes the current access token invalid, as if it had expired. */
    void expireAccessToken() {
        accessToken = "expired-" + UUID.randomUUID();
    }

    List<UUID> pushedMutationIds() {
        List<UUID> ids = new ArrayList<>();
        pushes.forEach(p -> p.mutations().forEach(m -> ids.add(m.mutationId())));
        return ids;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String path = request.getUrl().encodedPath();
        try {
            switch (path) {
                case "/api/v1/auth/login":
                    return login(body(request));
                case "/api/v1/auth/refresh":
                    return refresh(body(request));
                default:
                    break;
            }
            if (!("Bearer " + accessToken).equals(request.getHeaders().get("Authorization"))) {
                return problem(401, "unauthenticated", "Sign in first", null);
            }
            switch (path) {
                case "/api/v1/sync/push":
                    return push(request);
                case "/api/v1/sync/pull":
                    return pull(request);
                case "/api/v1/sync/events":
                    return events();
                default:
                    return problem(404, "not-found", "No such endpoint " + path, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode body(RecordedRequest request) throws IOException {
        return mapper.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
    }

    private MockResponse login(JsonNode body) throws IOException {
        if (!username.equals(body.path("username").asText()) || !password.equals(body.path("password").asText())) {
            return problem(401, "bad-credentials", "Wrong username or password", null);
        }
        return tokens();
    }

    private MockResponse refresh(JsonNode body) throws IOException {
        String presented = body.path("refreshToken").asText();
        refreshTokensUsed.add(presented);
        if (!refreshToken.equals(presented)) {
            return problem(401, "bad-refresh-token", "Refresh token not valid", null);
        }
        return tokens();
    }

    private MockResponse tokens() throws IOException {
        int generation = tokenGeneration.incrementAndGet();
        accessToken = "access-" + generation;
        refreshToken = "refresh-" + generation;
        ObjectNode node = mapper.createObjectNode();
        node.put("accessToken", accessToken);
        node.put("refreshToken", refreshToken);
        node.put("expiresAt", "2026-12-01T10:00:00Z");
        ObjectNode user = node.putObject("user");
        user.put("id", userId.toString());
        user.put("username", username);
        user.put("role", Role.FRONT_DESK.name());
        return json(200, mapper.writeValueAsString(node));
    }

    private MockResponse push(RecordedRequest request) throws IOException {
        Integer failure = failNextPushesWith.poll();
        PushRequest push = mapper.readValue(request.getBody().utf8(), PushRequest.class);
        pushes.add(push);
        if (failure != null) {
            return problem(failure, "server-error", "Something broke", null);
        }
        List<MutationOutcome> outcomes = new ArrayList<>();
        for (Mutation m : push.mutations()) {
            MutationOutcome first = answered.get(m.mutationId());
            if (first != null) {
                outcomes.add(new MutationOutcome.Duplicate(m.mutationId(), first));
            } else {
                MutationOutcome outcome = decide.apply(m);
                answered.put(m.mutationId(), outcome);
                outcomes.add(outcome);
            }
        }
        return json(200, mapper.writeValueAsString(new PushResponse(outcomes)));
    }

    private MockResponse pull(RecordedRequest request) throws IOException {
        String since = request.getUrl().queryParameter("since");
        int limit = Integer.parseInt(request.getUrl().queryParameter("limit"));
        pullQueries.add(since == null ? "" : since);
        if (since != null && resetCursors.contains(since)) {
            ObjectNode problem = mapper.createObjectNode();
            problem.put("type", "https://venuedesk.dev/problems/cursor-reset");
            problem.put("title", "Cursor from before a restore");
            problem.put("status", 410);
            problem.put("detail", "cursor " + since + " was not handed out by this database; pull again without since");
            problem.put("field", "since");
            return new MockResponse.Builder().code(410).addHeader("Content-Type", "application/problem+json")
                    .body(problem.toString()).build();
        }
        Integer failure = failPullFrom.remove(since == null ? "" : since);
        if (failure != null) {
            return problem(failure, "unavailable", "Try again later", null);
        }
        List<Change> all = List.copyOf(changeLog);
        int from = since == null ? 0 : Integer.parseInt(since);
        int to = Math.min(all.size(), from + limit);
        PullResponse page = new PullResponse(all.subList(from, to), String.valueOf(to), to < all.size());
        ObjectNode node = mapper.valueToTree(page);
        node.put("remaining", all.size() - to);
        return json(200, mapper.writeValueAsString(node));
    }

    private MockResponse events() throws InterruptedException {
        int opened = eventStreamsOpened.incrementAndGet();
        if (opened == 1 && announceChange.await(10, TimeUnit.SECONDS)) {
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                    .body("event: change\ndata: {\"cursor\":\"" + changeLog.size() + "\"}\n\n").build();
        }
        return problem(503, "unavailable", "No events now", null);
    }

    MockResponse problem(int status, String type, String title, String field) {
        ObjectNode node = mapper.createObjectNode();
        node.put("type", "https://venuedesk.example/problems/" + type);
        node.put("title", title);
        node.put("status", status);
        node.put("detail", title + " (detail)");
        if (field != null) {
            node.put("field", field);
        }
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/problem+json")
                .body(node.toString()).build();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }
}
