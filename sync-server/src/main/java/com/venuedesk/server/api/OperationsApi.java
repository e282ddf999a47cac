package com.venuedesk.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.server.persistence.Database;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/** What IT watches: health (database reachable), Prometheus metrics, and the OpenAPI description. */
public final class OperationsApi {
    private final Database db;
    private final PrometheusMeterRegistry meters;
    private final RouteTable table;
    private final ObjectMapper json;
    private final String version;

    public OperationsApi(Database db, PrometheusMeterRegistry meters, RouteTable table, ObjectMapper json, String version) {
        this.db = db;
        this.meters = meters;
        this.table = table;
        this.json = json;
        this.version = version;
    }

    public void routes(RouteTable routes) {
        routes.get("/health", null, "Health: 200 when the database answers, 503 otherwise", this::health);
        routes.get("/metrics", null, "Metrics in Prometheus text format", this::metrics);
        routes.get("/openapi.json", null, "This API described in OpenAPI 3.1", this::openApi);
    }

    private void health(Context ctx) {
        boolean dbUp = db.isReachable();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", dbUp ? "UP" : "DOWN");
        body.put("database", Map.of("status", dbUp ? "UP" : "DOWN", "vendor", db.vendor().name()));
        body.put("version", version);
        ctx.status(dbUp ? 200 : 503).json(body);
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(meters.scrape());
    }

    private void openApi(Context ctx) throws Exception {
        ctx.contentType("application/json").result(json.writeValueAsString(OpenApiDocument.of(table, version)));
    }
}
