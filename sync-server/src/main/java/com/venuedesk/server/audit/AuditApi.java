package com.venuedesk.server.audit;

import com.venuedesk.model.domain.Role;
import com.venuedesk.server.api.ApiException;
import com.venuedesk.server.api.Requests;
import com.venuedesk.server.api.RouteTable;
import io.javalin.http.Context;
import java.time.Instant;

/** {@code GET /api/v1/audit}: the venue's history for managers and admins. */
public final class AuditApi {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final AuditTrail trail;

    public AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    public void routes(RouteTable routes) {
        routes.get("/api/v1/audit", Role.MANAGER,
                "The venue's history, newest first: ?entityId= (one record), ?actor= (user id or username),"
                        + " ?from= ?to= (instants), ?limit= (max " + MAX_LIMIT + "), ?cursor= (nextCursor of the"
                        + " previous page); items {at, action, entityType, entityId, revision, actor, pushedBy,"
                        + " deviceId, reason, details}", this::list);
    }

    private void list(Context ctx) {
        String actor = ctx.queryParam("actor");
        if (actor != null && (actor.isBlank() || actor.length() > 100)) {
            throw ApiException.badRequest("actor", "actor must be a user id or a username (at most 100 characters)");
        }
        Instant from = Requests.instantQuery(ctx, "from", false);
        Instant to = Requests.instantQuery(ctx, "to", false);
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiException.badRequest("to", "to must be after from");
        }
        String cursor = ctx.queryParam("cursor");
        if (cursor != null && !cursor.isBlank()) {
            try {
                AuditTrail.parsePage(cursor);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("cursor", e.getMessage());
            }
        } else {
            cursor = null;
        }
        ctx.json(trail.find(new AuditTrail.Query(Requests.uuidQuery(ctx, "entityId", false), actor, from, to,
                Requests.intQuery(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT), cursor)));
    }
}
