package com.venuedesk.server.api;

import com.venuedesk.model.domain.Role;
import com.venuedesk.server.auth.AccessTokenVerifier;
import com.venuedesk.server.auth.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every HTTP route of the server, declared once with its minimum role and a summary. Registration wraps each handler
 * with the role check and a request timer, so no route can forget either, and the OpenAPI document is generated from
 * the same table, so no route can be missing from it.
 */
public final class RouteTable {
    /** The header by which a desk names itself on REST calls. */
    public static final String DEVICE_HEADER = "X-Device-Id";

    /** One route. {@code minRole} null means public (no token needed). */
    public record Route(HandlerType method, String path, Role minRole, String summary, Handler handler) { }

    private static final String PRINCIPAL = "venuedesk.principal";
    private final List<Route> routes = new ArrayList<>();

    public RouteTable add(HandlerType method, String path, Role minRole, String summary, Handler handler) {
        routes.add(new Route(method, path, minRole, summary, handler));
        return this;
    }

    public RouteTable get(String path, Role minRole, String summary, Handler handler) {
        return add(HandlerType.GET, path, minRole, summary, handler);
    }

    public RouteTable post(String path, Role minRole, String summary, Handler handler) {
        return add(HandlerType.POST, path, minRole, summary, handler);
    }

    public RouteTable put(String path, Role minRole, String summary, Handler handler) {
        return add(HandlerType.PUT, path, minRole, summary, handler);
    }

    public RouteTable patch(String path, Role minRole, String summary, Handler handler) {
        return add(HandlerType.PATCH, path, minRole, summary, handler);
    }

    public RouteTable delete(String path, Role minRole, String summary, Handler handler) {
        return add(HandlerType.DELETE, path, minRole, summary, handler);
    }

    public List<Route> routes() {
        return Collections.unmodifiableList(routes);
    }

    /** Registers every route with Javalin, each behind its role check and timer. */
    public void registerWith(RoutesConfig config, AccessTokenVerifier tokens, MeterRegistry meters) {
        for (Route route : routes) {
            Handler guarded = guard(route, tokens);
            config.addHttpHandler(route.method(), route.path(), ctx -> {
                Timer.Sample sample = Timer.start(meters);
                try {
                    guarded.handle(ctx);
                } finally {
                    sample.stop(meters.timer("venuedesk.http.requests", "method", route.method().name(),
                            "route", route.path(), "status", Integer.toString(ctx.statusCode())));
                }
            });
        }
    }

    private static Handler guard(Route route, AccessTokenVerifier tokens) {
        if (route.minRole() == null) {
            return route.handler();
        }
        return ctx -> {
            Principal principal = tokens.verify(bearer(ctx));
            if (!principal.may(route.minRole())) {
                throw ApiException.forbidden(route.method() + " " + route.path() + " needs role " + route.minRole()
                        + "; you are " + principal.role());
            }
            ctx.attribute(PRINCIPAL, principal.fromDevice(deviceId(ctx)));
            route.handler().handle(ctx);
        };
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("send Authorization: Bearer <accessToken>");
        }
        return header.substring(7).trim();
    }

    /** The desk a request says it comes from ({@code X-Device-Id}, recorded in the venue's history), or null. */
    private static String deviceId(Context ctx) {
        String device = ctx.header(DEVICE_HEADER);
        if (device == null || device.isBlank()) {
            return null;
        }
        String stripped = device.strip();
        if (stripped.length() > 200) {
            throw ApiException.badRequest(DEVICE_HEADER, DEVICE_HEADER + " must be at most 200 characters");
        }
        return stripped;
    }

    /** The principal of an authenticated route; fails loudly if called on a public route. */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw ApiException.unauthorized("this route needs a signed-in user");
        }
        return p;
    }
}
