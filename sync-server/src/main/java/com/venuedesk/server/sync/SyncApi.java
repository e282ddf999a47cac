package com.venuedesk.server.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.MutationOutcome;
import com.venuedesk.model.sync.PushResponse;
import com.venuedesk.server.api.ApiException;
import com.venuedesk.server.history.Cursor;
import com.venuedesk.server.api.Requests;
import com.venuedesk.server.api.RouteTable;
import com.venuedesk.server.auth.Principal;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The sync endpoints: push, pull and the change stream (docs/SYNC.md). */
public final class SyncApi {
    /** Mutations per push; a desk sends 50 at a time by default. */
    public static final int MAX_BATCH = 500;
    public static final int DEFAULT_PAGE = 500;
    public static final int MAX_PAGE = 2000;

    private final SyncService sync;
    private final ChangeEvents events;
    private final ObjectMapper json;

    public SyncApi(SyncService sync, ChangeEvents events, ObjectMapper json) {
        this.sync = sync;
        this.events = events;
        this.json = json;
    }

    public void routes(RouteTable routes) {
        routes.post("/api/v1/sync/push", Role.FRONT_DESK,
                "Apply a desk's outbox mutations in order, each once (body {deviceId, mutations}); one outcome per mutation",
                this::push);
        routes.get("/api/v1/sync/pull", Role.FRONT_DESK,
                "Changes after the cursor ?since= (opaque; omit for all), in commit order, ?limit= per page (max "
                        + MAX_PAGE + "); answers changes, nextCursor, hasMore, remaining", this::pull);
        routes.get("/api/v1/sync/events", Role.FRONT_DESK,
                "Server-sent events (Accept: text/event-stream): 'change' with {\"cursor\"} after each commit that changed"
                        + " synced records; heartbeat comments every 15 s",
                new SseHandler(client -> events.connect(new SseStream(client))));
    }

    private void push(Context ctx) {
        Principal actor = RouteTable.principal(ctx);
        JsonNode body = readBody(ctx);
        JsonNode deviceNode = body.path("deviceId");
        if (!deviceNode.isTextual() || deviceNode.asText().isBlank() || deviceNode.asText().length() > 200
                || deviceNode.asText().indexOf('\0') >= 0) {
            throw ApiException.badRequest("deviceId", "deviceId is required (at most 200 characters)");
        }
        JsonNode mutations = body.path("mutations");
        if (!mutations.isArray()) {
            throw ApiException.badRequest("mutations", "mutations must be an array");
        }
        if (mutations.size() > MAX_BATCH) {
            throw new ApiException(413, "batch-too-large", "Too many mutations in one push",
                    "push at most " + MAX_BATCH + " mutations at a time; this one has " + mutations.size(),
                    "mutations", null);
        }
        List<MutationOutcome> outcomes = new ArrayList<>(mutations.size());
        for (JsonNode node : mutations) {
            Mutation mutation;
            try {
                mutation = json.treeToValue(node, Mutation.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                outcomes.add(malformed(node, e));
                continue;
            }
            if (mutation == null) {
                outcomes.add(new MutationOutcome.Rejected(null, null, "a mutation may not be null", 400));
                continue;
            }
            outcomes.add(sync.pushOne(actor, deviceNode.asText(), mutation));
        }
        ctx.json(new PushResponse(outcomes));
    }

    private void pull(Context ctx) {
        Cursor.Wire since;
        try {
            since = Cursor.parseWire(ctx.queryParam("since"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("since", "since must be a nextCursor this server handed out");
        }
        int limit = Requests.intQuery(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        try {
            ctx.json(sync.pull(since, limit));
        } catch (SyncService.CursorNotInLog e) {
            throw new ApiException(410, "cursor-reset", "Sync again from the start", e.getMessage(), "since", null);
        }
    }

    private JsonNode readBody(Context ctx) {
        if (ctx.body().isBlank()) {
            throw ApiException.badRequest(null, "a JSON request body is required");
        }
        try {
            JsonNode node = json.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest(null, "the body must be a JSON object {deviceId, mutations}");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A mutation the server cannot read is refused on its own; the rest of the batch goes on. */
    private static MutationOutcome malformed(JsonNode node, Exception e) {
        UUID id = null;
        JsonNode idNode = node.path("mutationId");
        if (idNode.isTextual()) {
            try {
                id = UUID.fromString(idNode.asText());
            } catch (IllegalArgumentException ignored) {
                // no usable id: the desk matches the answer by its position
            }
        }
        String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return new MutationOutcome.Rejected(id, "mutations", "unreadable mutation: " + detail, 400);
    }

    /** A desk's server-sent-event connection as the {@link ChangeStream} that {@link ChangeEvents} writes to. */
    record SseStream(SseClient client) implements ChangeStream {
        @Override
        public void keepAlive() {
            client.keepAlive();
        }

        @Override
        public void onClose(Runnable action) {
            client.onClose(action);
        }

        @Override
        public void sendComment(String comment) {
            client.sendComment(comment);
        }

        @Override
        public void sendEvent(String event, String data) {
            client.sendEvent(event, data);
        }

        @Override
        public boolean terminated() {
            return client.terminated();
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
