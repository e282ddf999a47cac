package com.venuedesk.desk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.venuedesk.model.domain.SyncedEntity;
import com.fasterxml.jackson.core.type.TypeReference;
import com.venuedesk.model.sync.AuditEntry;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.MutationOutcome;
import com.venuedesk.server.wire.Json;
import java.io.UncheckedIOException;
import java.util.List;

/** Stores records, mutations and outcomes in the same JSON the wire uses, so what is pushed is what was recorded. */
final class WireJson {
    private final ObjectMapper mapper = Json.newMapper();
    // writers made once: a pulled page writes thousands of entities
    private final ObjectWriter entityWriter = mapper.writerFor(SyncedEntity.class);
    private final ObjectWriter mutationWriter = mapper.writerFor(Mutation.class);
    private final ObjectWriter outcomeWriter = mapper.writerFor(MutationOutcome.class);

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Entities are written through their sealed supertype so that the type tag is part of the JSON. */
    String entity(SyncedEntity entity) {
        try {
            return entityWriter.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T extends SyncedEntity> T entity(String json, Class<T> type) {
        return type.cast(read(json, SyncedEntity.class));
    }

    String mutation(Mutation mutation) {
        try {
            return mutationWriter.writeValueAsString(mutation);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    Mutation mutation(String json) {
        return read(json, Mutation.class);
    }

    String outcome(MutationOutcome outcome) {
        try {
            return outcomeWriter.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    MutationOutcome outcome(String json) {
        return read(json, MutationOutcome.class);
    }

    List<AuditEntry> auditEntries(String json) {
        try {
            return mapper.readValue(json, AUDIT_ENTRIES);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final TypeReference<List<AuditEntry>> AUDIT_ENTRIES = new TypeReference<>() { };
}
