package com.venuedesk.server.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.domain.SyncedEntity;
import com.venuedesk.model.sync.Change;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.MutationOutcome;
import com.venuedesk.model.sync.PushRequest;
import com.venuedesk.model.sync.PushResponse;
import com.venuedesk.server.auth.Principal;
import com.venuedesk.server.booking.BookingCommands;
import com.venuedesk.server.history.ChangeFeed;
import com.venuedesk.server.history.Cursor;
import com.venuedesk.server.history.LogIdentity;
import com.venuedesk.server.persistence.Database;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of offline-first sync: applies pushed mutations once each (through {@link BookingCommands}, the
 * same services and checks as REST) and serves the change log to desks. See docs/SYNC.md.
 */
public final class SyncService {
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    /** Attempts of one mutation when its transaction fails for a reason other than a racing duplicate. */
    private static final int ATTEMPTS = 2;

    private final Database db;
    private final BookingCommands commands;
    private final MutationJournal journal;
    private final ChangeFeed feed;
    private final LogIdentity log;
    private final Clock clock;
    private final MeterRegistry meters;

    public SyncService(Database db, LogIdentity log, BookingCommands commands, ObjectMapper json, Clock clock,
                       MeterRegistry meters) {
        this.db = db;
        this.log = log;
        this.meters = meters;
        this.commands = commands;
        this.journal = new MutationJournal(db, json);
        this.feed = new ChangeFeed(db.vendor(), log);
        this.clock = clock;
    }

    /**
     * A pull's cursor that does not belong to this log: it comes from another database, or names a change that this
     * database does not have (it was made after the back-up this database was restored from). The desk starts over.
     */
    public static final class CursorNotInLog extends RuntimeException {
        public CursorNotInLog(String message) {
            super(message);
        }
    }

    /** Applies each mutation in its own transaction, in order; one outcome per mutation. */
    public PushResponse push(Principal actor, PushRequest request) {
        List<MutationOutcome> outcomes = new ArrayList<>();
        for (Mutation mutation : request.mutations()) {
            outcomes.add(pushOne(actor, request.deviceId(), mutation));
        }
        return new PushResponse(outcomes);
    }

    /**
     * Applies one mutation unless its id was seen before: then answers {@link MutationOutcome.Duplicate} with the
     * first outcome and changes nothing. The outcome is recorded in the transaction of the mutation's effect.
     */
    public MutationOutcome pushOne(Principal actor, String deviceId, Mutation mutation) {
        MutationOutcome outcome = applyOnce(actor, deviceId, mutation);
        meters.counter("venuedesk.sync.mutations", "outcome", outcome.getClass().getSimpleName()).increment();
        return outcome;
    }

    private MutationOutcome applyOnce(Principal actor, String deviceId, Mutation mutation) {
        if (!actor.may(Role.FRONT_DESK)) {
            return new MutationOutcome.Rejected(mutation.mutationId(), null, "your role may not push changes", 403);
        }
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<MutationOutcome> seen = journal.find(mutation.mutationId());
            if (seen.isPresent()) {
                LOG.info("sync mutation repeated mutationId={} deviceId={} by={}", mutation.mutationId(), deviceId,
                        actor.username());
                return new MutationOutcome.Duplicate(mutation.mutationId(), seen.get());
            }
            try {
                Principal acting = actor.fromDevice(deviceId).creditedTo(clerkOf(mutation));
                MutationOutcome outcome = db.inOneTransaction(session -> {
                    journal.claim(session, mutation, deviceId, actor, clock.instant().truncatedTo(ChronoUnit.MICROS));
                    MutationOutcome result = commands.apply(acting, mutation);
                    journal.record(session, result);
                    return result;
                });
                LOG.info("sync mutation mutationId={} kind={} entityId={} outcome={} deviceId={} by={}",
                        mutation.mutationId(), mutation.getClass().getSimpleName(), mutation.entityId(),
                        outcome.getClass().getSimpleName(), deviceId, actor.username());
                return outcome;
            } catch (RuntimeException e) {
                // a racing push of the same id committed first (unique violation) or is still running (lock
                // timeout): the next look at the journal finds its outcome; anything else gets one more try
                failure = e;
                if (MutationJournal.isUniqueViolation(e)) {
                    LOG.info("sync mutation raced by a repeat of itself mutationId={} deviceId={}", mutation.mutationId(),
                            deviceId);
                } else {
                    LOG.warn("sync mutation attempt {} failed mutationId={} deviceId={}: {}", attempt,
                            mutation.mutationId(), deviceId, e.toString());
                }
            }
        }
        Optional<MutationOutcome> seen = journal.find(mutation.mutationId());
        if (seen.isPresent()) {
            return new MutationOutcome.Duplicate(mutation.mutationId(), seen.get());
        }
        throw failure;
    }

    /**
     * The clerk a desk recorded with the mutation, if that is a staff account here; otherwise (none recorded, or an id
     * this server does not know) the change is credited to the pusher alone.
     */
    private Principal.Clerk clerkOf(Mutation mutation) {
        if (mutation.actedBy() == null) {
            return null;
        }
        return db.inTransaction(session -> session.createNativeQuery(
                        "SELECT username FROM app_user WHERE id = :id", String.class)
                .setParameter("id", mutation.actedBy()).uniqueResultOptional()
                .map(username -> new Principal.Clerk(mutation.actedBy(), username)).orElse(null));
    }

    /**
     * Changes after the cursor, at most {@code limit} (the same record twice in one page comes once, at its last
     * place). Changes of staff accounts and payments are not synced (the audit trail has them).
     *
     * @throws CursorNotInLog when the cursor is of another database or from beyond a restore point
     */
    public PullAnswer pull(Cursor.Wire sinceWire, int limit) {
        if (sinceWire.logId() != null && !sinceWire.logId().equals(log.logId())) {
            throw new CursorNotInLog("the cursor belongs to another venue database; start again without since");
        }
        Cursor since = sinceWire.position();
        return db.inTransaction(session -> {
            if (!feed.names(session, since)) {
                throw new CursorNotInLog("this database does not have the change the cursor names (it was restored"
                        + " from a back-up made before it); start again without since");
            }
            ChangeFeed.Page page = feed.after(session, since, limit);
            Map<UUID, ChangeFeed.Row> latest = new LinkedHashMap<>();
            Map<EntityType, Set<UUID>> ids = new EnumMap<>(EntityType.class);
            for (ChangeFeed.Row row : page.rows()) {
                if (row.type() == EntityType.PAYMENT || row.type() == EntityType.USER) {
                    continue;
                }
                latest.remove(row.entityId());
                latest.put(row.entityId(), row);
                ids.computeIfAbsent(row.type(), t -> new LinkedHashSet<>()).add(row.entityId());
            }
            Map<EntityType, Map<UUID, SyncedEntity>> entities = SyncedEntities.load(session, ids);
            List<Change> changes = new ArrayList<>(latest.size());
            for (ChangeFeed.Row row : latest.values()) {
                SyncedEntity entity = entities.getOrDefault(row.type(), Map.of()).get(row.entityId());
                if (entity == null && !row.deleted()) {
                    LOG.warn("change log names {} {} which does not exist; skipped", row.type(), row.entityId());
                    continue;
                }
                changes.add(new Change(row.cursor().encode(log.logId()), row.type(), row.entityId(), row.revision(), row.deleted(),
                        entity));
            }
            return new PullAnswer(changes, page.next().encode(log.logId()), page.hasMore(), page.remaining());
        });
    }

    /** The cursor of the newest change a pull can return now. */
    public Cursor head() {
        return feed.head(db);
    }
}
