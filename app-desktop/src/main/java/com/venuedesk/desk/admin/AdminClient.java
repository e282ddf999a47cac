package com.venuedesk.desk.admin;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.desk.sync.NotSignedInException;
import com.venuedesk.desk.sync.Problem;
import com.venuedesk.desk.sync.ProblemException;
import com.venuedesk.desk.sync.ServerUnreachableException;
import com.venuedesk.desk.sync.SyncClient;
import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.server.wire.Json;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * Online-only administration calls ({@code /api/v1/resources}, their availability rules, {@code /api/v1/blackouts}).
 * The calls go through the desk's {@link SyncClient#callJson}, which holds the session and refreshes it, so the
 * refresh-token rotation stays in one place. Failures are {@link ServerUnreachableException} (offline),
 * {@link ProblemException} (problem+json, with the offending {@code field}) or {@link NotSignedInException}.
 * Blocking: call through the task executor.
 */
public final class AdminClient {
    private final SyncClient sessions;
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

    public AdminClient(SyncClient sessions) {
        this.sessions = sessions;
    }

    public List<AdminResource> resources() {
        return readList(call("GET", "api/v1/resources", null), AdminResource.class);
    }

    /** Creates the resource (201); the id in the body is the client's. */
    public AdminResource createResource(AdminResource resource) {
        return read(call("POST", "api/v1/resources", resource), AdminResource.class);
    }

    /** Changes the resource; the body carries the revision read (412 problem when someone changed it since). */
    public AdminResource updateResource(AdminResource resource) {
        return read(call("PUT", "api/v1/resources/" + resource.id(), resource), AdminResource.class);
    }

    public List<AvailabilityRule> rules(UUID resourceId) {
        return readList(call("GET", "api/v1/resources/" + resourceId + "/availability-rules", null), AvailabilityRule.class);
    }

    public AvailabilityRule addRule(UUID resourceId, RuleInput rule) {
        return read(call("POST", "api/v1/resources/" + resourceId + "/availability-rules", rule), AvailabilityRule.class);
    }

    public void deleteRule(UUID resourceId, UUID ruleId) {
        call("DELETE", "api/v1/resources/" + resourceId + "/availability-rules/" + ruleId, null);
    }

    public List<Blackout> blackouts() {
        return readList(call("GET", "api/v1/blackouts", null), Blackout.class);
    }

    public Blackout addBlackout(BlackoutInput blackout) {
        return read(call("POST", "api/v1/blackouts", blackout), Blackout.class);
    }

    public void deleteBlackout(UUID blackoutId) {
        call("DELETE", "api/v1/blackouts/" + blackoutId, null);
    }

    // ---- plumbing

    private String call(String method, String path, Object body) {
        return sessions.callJson(method, path, body);
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
}
