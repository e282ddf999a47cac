package com.venuedesk.desk.sync;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.model.domain.SyncedEntity;
import com.venuedesk.model.sync.Change;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.model.sync.PullResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Reads a pull answer in one streaming pass. Each change's record is bound to its Java type and, from the same pass,
 * its JSON is kept exactly as the server wrote it: that text is what the desk store keeps as the record's payload,
 * so a fresh desk's initial sync does not write a hundred thousand records back to JSON it has just read.
 */
final class PullReader {
    private PullReader() {
    }

    static PullPage read(ObjectMapper mapper, String text) throws IOException {
        List<Change> changes = new ArrayList<>();
        List<String> entityJson = new ArrayList<>();
        String nextCursor = null;
        boolean hasMore = false;
        long remaining = -1;
        try (JsonParser p = mapper.createParser(text)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "changes":
                        if (value != JsonToken.VALUE_NULL) {
                            expect(p, value, JsonToken.START_ARRAY);
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                readChange(mapper, p, text, changes, entityJson);
                            }
                        }
                        break;
                    case "nextCursor":
                        nextCursor = value == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                        break;
                    case "hasMore":
                        hasMore = p.getValueAsBoolean();
                        break;
                    case "remaining":
                        remaining = value == JsonToken.VALUE_NUMBER_INT ? Math.max(-1, p.getLongValue()) : -1;
                        break;
                    default:
                        // fields a newer server adds are not this desk's business
                        p.skipChildren();
                }
            }
        }
        return new PullPage(new PullResponse(Collections.unmodifiableList(changes), nextCursor, hasMore), remaining,
                Collections.unmodifiableList(entityJson));
    }

    private static void readChange(ObjectMapper mapper, JsonParser p, String text, List<Change> changes,
                                   List<String> entityJson) throws IOException {
        expect(p, p.currentToken(), JsonToken.START_OBJECT);
        String cursor = null;
        EntityType type = null;
        UUID id = null;
        long revision = 0;
        boolean deleted = false;
        SyncedEntity entity = null;
        String json = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "cursor":
                    cursor = p.getValueAsString();
                    break;
                case "entityType":
                    type = entityType(p);
                    break;
                case "entityId":
                    id = uuid(p);
                    break;
                case "revision":
                    revision = p.getValueAsLong();
                    break;
                case "deleted":
                    deleted = p.getValueAsBoolean();
                    break;
                case "entity":
                    // the text between the record's braces, as the server wrote it, from offsets of this one pass
                    int start = Math.toIntExact(p.currentTokenLocation().getCharOffset());
                    entity = mapper.readValue(p, SyncedEntity.class);
                    json = text.substring(start, Math.toIntExact(p.currentLocation().getCharOffset()));
                    break;
                default:
                    p.skipChildren();
            }
        }
        changes.add(new Change(cursor, type, id, revision, deleted, entity));
        entityJson.add(json);
    }

    private static EntityType entityType(JsonParser p) throws IOException {
        String name = p.getValueAsString();
        try {
            return EntityType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new JsonParseException(p, "unknown entity type " + name);
        }
    }

    private static UUID uuid(JsonParser p) throws IOException {
        String value = p.getValueAsString();
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new JsonParseException(p, "not a UUID: " + value);
        }
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new JsonParseException(p, "expected " + expected + " but found " + actual);
        }
    }
}
