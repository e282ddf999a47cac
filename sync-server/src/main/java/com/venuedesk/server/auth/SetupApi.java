package com.venuedesk.server.auth;

import com.venuedesk.server.api.Requests;
import com.venuedesk.server.api.RouteTable;
import io.javalin.http.Context;
import java.util.Map;

/** The first run of a real venue: {@code POST /api/v1/setup} while it has no accounts, 409 afterwards. */
public final class SetupApi {
    private final VenueSetup setup;

    public SetupApi(VenueSetup setup) {
        this.setup = setup;
    }

    public void routes(RouteTable table) {
        table.get("/api/v1/setup", null, "Whether the venue still needs its first-run setup (no accounts yet)",
                this::status);
        table.post("/api/v1/setup", null,
                "Set up a new venue: name, time zone and the first admin with a chosen password; only while the venue "
                        + "has no accounts (409 afterwards)", this::setUp);
    }

    private void status(Context ctx) {
        ctx.json(Map.of("needed", setup.needed()));
    }

    private void setUp(Context ctx) {
        VenueSetup.Request body = Requests.body(ctx, VenueSetup.Request.class);
        ctx.status(201).json(setup.setUp(body));
    }
}
