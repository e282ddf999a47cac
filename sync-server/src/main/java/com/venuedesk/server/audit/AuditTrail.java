package com.venuedesk.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.model.sync.AuditEntry;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.model.sync.HistoryAction;
import com.venuedesk.server.persistence.Database;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The venue's history read back for people: who did what to which record, when and why, newest first. */
public final class AuditTrail {
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() { };
    private static final String PAGE_PREFIX = "a1:";

    private final Database db;
    private final ObjectMapper json;

    public AuditTrail(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * What to look for; every part optional.
     *
     * @param actor    a user id or a username: the changes credited to that account or pushed by it
     * @param from     from this instant on (inclusive)
     * @param to       before this instant
     * @param before   the page cursor of a previous answer
     */
    public record Query(UUID entityId, String actor, Instant from, Instant to, int limit, String before) { }

    /** A page of entries, newest first, and the cursor of the next (older) page, null after the last. */
    public record Page(List<AuditEntry> items, String nextCursor) { }

    public Page find(Query query) {
        long beforeSeq = query.before() == null ? Long.MAX_VALUE : parsePage(query.before());
        StringBuilder sql = new StringBuilder("SELECT seq, recorded_at, action, entity_type, entity_id, revision,"
                + " actor_id, actor_name, pushed_by_id, pushed_by_name, device_id, reason, details FROM change_log"
                + " WHERE seq < ?");
        List<Object> args = new ArrayList<>(List.of(beforeSeq));
        if (query.entityId() != null) {
            sql.append(" AND entity_id = ?");
            args.add(query.entityId());
        }
        if (query.actor() != null) {
            UUID actorId = asUuid(query.actor());
            if (actorId != null) {
                sql.append(" AND (actor_id = ? OR pushed_by_id = ?)");
                args.add(actorId);
                args.add(actorId);
            } else {
                sql.append(" AND (LOWER(actor_name) = ? OR LOWER(pushed_by_name) = ?)");
                args.add(query.actor().toLowerCase(java.util.Locale.ROOT));
                args.add(query.actor().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (query.from() != null) {
            sql.append(" AND recorded_at >= ?");
            args.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            sql.append(" AND recorded_at < ?");
            args.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
        sql.append(" ORDER BY seq DESC FETCH FIRST ? ROWS ONLY");
        args.add(query.limit() + 1);
        return db.inTransaction(session -> session.doReturningWork(connection -> {
            List<AuditEntry> items = new ArrayList<>();
            long lastSeq = 0;
            boolean more = false;
            try (PreparedStatement s = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (items.size() == query.limit()) {
                            more = true;
                            break;
                        }
                        lastSeq = r.getLong(1);
                        items.add(new AuditEntry(r.getObject(2, OffsetDateTime.class).toInstant(),
                                HistoryAction.valueOf(r.getString(3)), EntityType.valueOf(r.getString(4)),
                                r.getObject(5, UUID.class), r.getLong(6),
                                account(r.getObject(7, UUID.class), r.getString(8)),
                                account(r.getObject(9, UUID.class), r.getString(10)),
                                r.getString(11), r.getString(12), details(r.getString(13))));
                    }
                }
            }
            return new Page(items, more ? encodePage(lastSeq) : null);
        }));
    }

    private static AuditEntry.Account account(UUID id, String username) {
        return id == null ? null : new AuditEntry.Account(id, username);
    }

    private Map<String, String> details(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, DETAILS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static UUID asUuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String encodePage(long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PAGE_PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The seq a page cursor stops at. */
    static long parsePage(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            if (!text.startsWith(PAGE_PREFIX)) {
                throw new IllegalArgumentException("not an audit cursor");
            }
            long seq = Long.parseLong(text.substring(PAGE_PREFIX.length()));
            if (seq <= 0) {
                throw new IllegalArgumentException("not an audit cursor");
            }
            return seq;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor must be a nextCursor of an earlier answer", e);
        }
    }
}
