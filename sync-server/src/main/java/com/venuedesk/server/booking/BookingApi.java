package com.venuedesk.server.booking;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.rules.PriceQuote;
import com.venuedesk.model.sync.BookingAction;
import com.venuedesk.server.api.ApiException;
import com.venuedesk.server.api.Requests;
import com.venuedesk.server.api.RouteTable;
import com.venuedesk.server.resources.MoneyJson;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** REST for bookings, their lifecycle steps, free time and price quotes. */
public final class BookingApi {
    private final BookingService bookings;

    public BookingApi(BookingService bookings) {
        this.bookings = bookings;
    }

    record CreateRequest(UUID id, UUID resourceId, UUID customerId, Instant start, Instant end, String notes) { }

    record RescheduleRequest(UUID resourceId, Instant start, Instant end, Long revision) { }

    record StepRequest(String reason, Instant at) { }

    record QuoteRequest(UUID resourceId, Instant start, Instant end) { }

    record PriceLineJson(String label, MoneyJson amount) { }

    record QuoteJson(UUID resourceId, Instant start, Instant end, MoneyJson total, List<PriceLineJson> lines) { }

    record FreeTimeJson(UUID resourceId, Instant from, Instant to, List<com.venuedesk.model.domain.Slot> free) { }

    public void routes(RouteTable routes) {
        routes.get("/api/v1/bookings", Role.FRONT_DESK, "Bookings overlapping [from, to), optionally of one resource", this::list);
        routes.post("/api/v1/bookings", Role.FRONT_DESK, "Book a slot (client id optional; a repeated create is recognised)", this::create);
        routes.get("/api/v1/bookings/{id}", Role.FRONT_DESK, "Read one booking", this::get);
        routes.put("/api/v1/bookings/{id}", Role.FRONT_DESK, "Reschedule (send the revision you read; 412 when stale, 409 on overlap)", this::reschedule);
        routes.patch("/api/v1/bookings/{id}", Role.FRONT_DESK, "Change guest and notes (send the revision you read; 412 when stale)", this::updateDetails);
        routes.post("/api/v1/bookings/{id}/cancel", Role.FRONT_DESK, "Cancel a booking", step(BookingAction.CANCEL));
        routes.post("/api/v1/bookings/{id}/check-in", Role.FRONT_DESK, "Check the guest in", step(BookingAction.CHECK_IN));
        routes.post("/api/v1/bookings/{id}/complete", Role.FRONT_DESK, "Mark a booking completed", step(BookingAction.COMPLETE));
        routes.post("/api/v1/bookings/{id}/no-show", Role.FRONT_DESK, "Mark a no-show", step(BookingAction.NO_SHOW));
        routes.post("/api/v1/bookings/{id}/approve", Role.MANAGER, "Approve a pending booking", step(BookingAction.APPROVE));
        routes.get("/api/v1/availability", Role.FRONT_DESK, "Free time of a resource in [from, to)", this::availability);
        routes.post("/api/v1/quotes", Role.FRONT_DESK, "Price of a slot with its breakdown", this::quote);
        routes.get("/api/v1/quote", Role.FRONT_DESK, "Price of a slot with its breakdown (query form)", this::quoteQuery);
    }

    private void list(Context ctx) {
        UUID resourceId = Requests.uuidQuery(ctx, "resourceId", false);
        Instant from = Requests.instantQuery(ctx, "from", false);
        Instant to = Requests.instantQuery(ctx, "to", false);
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiException.badRequest("to", "to must be after from");
        }
        ctx.json(bookings.list(resourceId, from, to).stream().map(BookingJson::of).toList());
    }

    private void create(Context ctx) {
        CreateRequest body = Requests.body(ctx, CreateRequest.class);
        BookingOutcome outcome = bookings.create(RouteTable.principal(ctx),
                new NewBooking(body.id(), body.resourceId(), body.customerId(), body.start(), body.end(), body.notes()));
        ctx.status(201).json(BookingJson.of(bookingOf(outcome)));
    }

    private void get(Context ctx) {
        UUID id = Requests.uuidPath(ctx, "id");
        ctx.json(BookingJson.of(bookings.find(id).orElseThrow(() -> ApiException.notFound("Booking", id))));
    }

    private void reschedule(Context ctx) {
        UUID id = Requests.uuidPath(ctx, "id");
        RescheduleRequest body = Requests.body(ctx, RescheduleRequest.class);
        ctx.json(BookingJson.of(bookingOf(bookings.reschedule(RouteTable.principal(ctx),
                new Reschedule(id, body.revision(), body.resourceId(), body.start(), body.end())))));
    }

    /** The guest and notes of a booking; its time is changed with PUT. */
    record DetailsRequest(Long revision, UUID customerId, String notes) { }

    private void updateDetails(Context ctx) {
        UUID id = Requests.uuidPath(ctx, "id");
        DetailsRequest body = Requests.body(ctx, DetailsRequest.class);
        ctx.json(BookingJson.of(bookingOf(bookings.updateDetails(RouteTable.principal(ctx), id, body.revision(),
                body.customerId(), body.notes()))));
    }

    private io.javalin.http.Handler step(BookingAction action) {
        return ctx -> {
            UUID id = Requests.uuidPath(ctx, "id");
            StepRequest body = ctx.body().isBlank() ? new StepRequest(null, null) : Requests.body(ctx, StepRequest.class);
            ctx.json(BookingJson.of(bookingOf(bookings.changeStatus(RouteTable.principal(ctx), id, action, body.reason(), null))));
        };
    }

    private void availability(Context ctx) {
        UUID resourceId = Requests.uuidQuery(ctx, "resourceId", true);
        TimeRange within = range("from", Requests.instantQuery(ctx, "from", true), "to", Requests.instantQuery(ctx, "to", true));
        var free = bookings.freeSlots(resourceId, within).orElseThrow(() -> ApiException.notFound("Resource", resourceId));
        ctx.json(new FreeTimeJson(resourceId, within.start(), within.end(), free));
    }

    private void quote(Context ctx) {
        QuoteRequest body = Requests.body(ctx, QuoteRequest.class);
        answerQuote(ctx, body.resourceId(), body.start(), body.end());
    }

    private void quoteQuery(Context ctx) {
        answerQuote(ctx, Requests.uuidQuery(ctx, "resourceId", true), Requests.instantQuery(ctx, "start", true),
                Requests.instantQuery(ctx, "end", true));
    }

    private void answerQuote(Context ctx, UUID resourceId, Instant start, Instant end) {
        if (resourceId == null) {
            throw ApiException.badRequest("resourceId", "resourceId is required");
        }
        TimeRange range = range("start", start, "end", end);
        PriceQuote quote = bookings.quote(resourceId, range).orElseThrow(() -> ApiException.notFound("Resource", resourceId));
        ctx.json(new QuoteJson(resourceId, start, end, MoneyJson.of(quote.total()),
                quote.lines().stream().map(l -> new PriceLineJson(l.label(), MoneyJson.of(l.amount()))).toList()));
    }

    private static TimeRange range(String startField, Instant start, String endField, Instant end) {
        if (start == null) {
            throw ApiException.badRequest(startField, startField + " is required");
        }
        if (end == null) {
            throw ApiException.badRequest(endField, endField + " is required");
        }
        if (!end.isAfter(start)) {
            throw new DomainException(endField, endField + " must be after " + startField);
        }
        return new TimeRange(start, end);
    }

    /** The booking of a successful outcome, or the problem the one error mapper answers. */
    static Booking bookingOf(BookingOutcome outcome) {
        if (outcome instanceof BookingOutcome.Saved saved) {
            return saved.booking();
        }
        if (outcome instanceof BookingOutcome.Overlap overlap) {
            Map<String, Object> extras = new LinkedHashMap<>();
            extras.put("conflicts", overlap.conflicts());
            extras.put("alternatives", overlap.alternatives());
            throw ApiException.conflict("overlap", "The time is already booked",
                    overlap.conflicts().size() + " active booking(s) overlap the requested time", extras);
        }
        if (outcome instanceof BookingOutcome.StaleRevision stale) {
            throw ApiException.preconditionFailed("the booking has changed since you read it; here is the current one",
                    Map.of("current", BookingJson.of(stale.current())));
        }
        if (outcome instanceof BookingOutcome.IdInUse inUse) {
            throw ApiException.conflict("id-in-use", "The id belongs to a different booking",
                    "booking " + inUse.existing().id() + " exists with other content; use a new id", Map.of("field", "id"));
        }
        if (outcome instanceof BookingOutcome.RefusedTransition refused) {
            throw ApiException.conflict("invalid-transition", "The booking cannot take this step", refused.reason(),
                    Map.of("current", BookingJson.of(refused.current())));
        }
        if (outcome instanceof BookingOutcome.Invalid invalid) {
            throw ApiException.badRequest(invalid.field(), invalid.reason());
        }
        if (outcome instanceof BookingOutcome.Forbidden forbidden) {
            throw ApiException.forbidden(forbidden.reason());
        }
        throw ApiException.notFound("Booking", ((BookingOutcome.NotFound) outcome).id());
    }
}
