package com.venuedesk.server.calendar;

import com.venuedesk.model.domain.Role;
import com.venuedesk.server.api.ApiException;
import com.venuedesk.server.api.RouteTable;
import com.venuedesk.server.api.Requests;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** A resource's iCalendar feed: managers create (and so rotate) its token; calendar clients read it with the token. */
public final class CalendarFeedApi {
    private final CalendarFeed feed;
    private final Supplier<URI> publicUrl;

    public CalendarFeedApi(CalendarFeed feed, Supplier<URI> publicUrl) {
        this.feed = feed;
        this.publicUrl = publicUrl;
    }

    /** The optional body of a token request. */
    public record TokenRequest(Boolean includeGuests) { }

    public void routes(RouteTable routes) {
        routes.post("/api/v1/resources/{id}/calendar-token", Role.MANAGER,
                "Create the resource's calendar feed token, replacing the old one (which stops working):"
                        + " {includeGuests} (default false: no guest names) -> {url, token}", this::token);
        routes.get("/api/v1/resources/{id}/calendar.ics", null,
                "The resource's bookings as iCalendar (?token= from calendar-token); 404 for a wrong or old token",
                this::calendar);
    }

    private void token(Context ctx) {
        UUID id = Requests.uuidPath(ctx, "id");
        boolean includeGuests = !ctx.body().isBlank() && Boolean.TRUE.equals(
                Requests.body(ctx, TokenRequest.class).includeGuests());
        String token = feed.rotateToken(id, includeGuests, RouteTable.principal(ctx).userId())
                .orElseThrow(() -> ApiException.notFound("Resource", id));
        ctx.status(201).json(Map.of("url", publicUrl.get() + "/api/v1/resources/" + id + "/calendar.ics?token=" + token,
                "token", token, "includeGuests", includeGuests));
    }

    private void calendar(Context ctx) {
        UUID id = Requests.uuidPath(ctx, "id");
        String body = feed.feed(id, ctx.queryParam("token"))
                .orElseThrow(() -> new ApiException(404, "not-found", "Calendar feed not found",
                        "no calendar feed for resource " + id + " with this token", "token", null));
        ctx.contentType("text/calendar; charset=utf-8").header("Cache-Control", "private, max-age=300").result(body);
    }
}
