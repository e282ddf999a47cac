package com.venuedesk.desk.history;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.desk.sync.Problem;
import com.venuedesk.desk.sync.ProblemException;
import com.venuedesk.desk.sync.SyncClient;
import com.venuedesk.model.sync.AuditEntry;
import com.venuedesk.server.wire.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The venue's history from the server ({@code GET /api/v1/audit}, managers and admins), through the desk's
 * {@link SyncClient}, which holds the session. Blocking: call through the task executor. Failures are the client's
 * ({@link ProblemException}: a front-desk account is answered 403; offline: {@code ServerUnreachableException}).
 */
public final class HistoryClient {
    /** A page of the history, newest first; {@code nextCursor} is null when nothing older is left. */
    public record Page(List<AuditEntry> items, String nextCursor) {
        public Page {
            items = List.copyOf(items);
        }
    }

    private final SyncClient sessions;
    // a newer server may name actions this desk does not know yet: they read as null, shown as "changed"
    private final ObjectMapper mapper = Json.newMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, true);

    public HistoryClient(SyncClient sessions) {
        this.sessions = sessions;
    }

    /** The newest {@code limit} entries of the record's history. */
    public Page historyOf(UUID entityId, int limit) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("entityId", entityId.toString());
        query.put("limit", String.valueOf(limit));
        return read(sessions.getJson("api/v1/audit", query));
    }

    Page read(String text) {
        try {
            JsonNode node = mapper.readTree(text);
            JavaType listType = mapper.getTypeFactory().constructCollectionType(List.class, AuditEntry.class);
            List<AuditEntry> items = mapper.treeToValue(node.path("items"), listType);
            JsonNode next = node.path("nextCursor");
            return new Page(items == null ? List.of() : items, next.isTextual() ? next.asText() : null);
        } catch (IOException | IllegalArgumentException e) {
            throw new ProblemException(new Problem(null, "unreadable history answer", 502, e.getMessage(), null));
        }
    }
}
