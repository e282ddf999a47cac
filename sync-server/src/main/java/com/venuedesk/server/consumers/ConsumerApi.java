package com.venuedesk.server.consumers;

import com.venuedesk.model.domain.Role;
import com.venuedesk.server.api.ApiException;
import com.venuedesk.server.api.Requests;
import com.venuedesk.server.api.RouteTable;
import io.javalin.http.Context;
import java.util.Set;

/** The consumers of the venue's history for admins: their lag and failures, parked events, and retrying one. */
public final class ConsumerApi {
    private static final Set<String> STATES = Set.of("PARKED", "RESOLVED");

    private final LogConsumers consumers;

    public ConsumerApi(LogConsumers consumers) {
        this.consumers = consumers;
    }

    public void routes(RouteTable routes) {
        routes.get("/api/v1/consumers", Role.ADMIN,
                "Every consumer of the venue's history: lagEvents, lagSeconds, parked, processed, failures, lastError,"
                        + " retryAt, owner (the server instance that ran it last)", ctx -> ctx.json(consumers.statuses()));
        routes.get("/api/v1/consumers/parked", Role.ADMIN,
                "Events a consumer set aside after repeated failures, newest first (?consumer= ?state=PARKED|RESOLVED)",
                this::parked);
        routes.post("/api/v1/consumers/parked/{id}/retry", Role.ADMIN,
                "Hand a parked event to its consumer again now; answers the entry (state RESOLVED, or PARKED with the"
                        + " new lastError)", this::retry);
    }

    private void parked(Context ctx) {
        String consumer = ctx.queryParam("consumer");
        if (consumer != null && !consumers.names().contains(consumer)) {
            throw ApiException.badRequest("consumer", "consumer must be one of " + consumers.names());
        }
        String state = ctx.queryParam("state");
        if (state != null && !STATES.contains(state)) {
            throw ApiException.badRequest("state", "state must be PARKED or RESOLVED");
        }
        ctx.json(consumers.parked(consumer, state));
    }

    private void retry(Context ctx) {
        var id = Requests.uuidPath(ctx, "id");
        ctx.json(consumers.retry(id).orElseThrow(() -> ApiException.notFound("Parked event", id)));
    }
}
