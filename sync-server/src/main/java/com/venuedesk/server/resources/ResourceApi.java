package com.venuedesk.server.resources;

import com.venuedesk.model.domain.Location;
import com.venuedesk.model.domain.ResourceType;
import com.venuedesk.model.domain.Role;
import com.venuedesk.server.api.ApiException;
import com.venuedesk.server.api.Requests;
import com.venuedesk.server.api.RouteTable;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** REST for resources, their availability rules, and blackouts: read by every role, written by managers. */
public final class ResourceApi {
    private final ResourceService resources;

    public ResourceApi(ResourceService resources) {
        this.resources = resources;
    }

    /** The body of POST and PUT /api/v1/resources; {@code revision} only for PUT. */
    record ResourceRequest(UUID id, String name, String description, ResourceType type, Integer capacity,
                           MoneyJson pricePerHour, String timeZone, Location location, List<String> amenities,
                           Boolean active, UUID managerId, Boolean requiresApproval, Long revision) {
        ResourceDraft draft() {
            return new ResourceDraft(name, description, type, capacity,
                    pricePerHour == null ? null : pricePerHour.toMoney("pricePerHour"), timeZone, location, amenities,
                    active, managerId, requiresApproval);
        }
    }

    public void routes(RouteTable routes) {
        routes.get("/api/v1/resources", Role.FRONT_DESK, "List resources", this::list);
        routes.post("/api/v1/resources", Role.MANAGER, "Create a resource", this::create);
        routes.get("/api/v1/resources/{id}", Role.FRONT_DESK, "Read one resource", this::get);
        routes.put("/api/v1/resources/{id}", Role.MANAGER, "Change a resource (send the revision you read; 412 when stale)", this::update);
        routes.delete("/api/v1/resources/{id}", Role.MANAGER, "Delete a resource (tombstone)", this::delete);
        routes.get("/api/v1/resources/{id}/availability-rules", Role.FRONT_DESK, "Opening hours of a resource", this::rules);
        routes.post("/api/v1/resources/{id}/availability-rules", Role.MANAGER, "Add opening hours or a recurring closure", this::addRule);
        routes.delete("/api/v1/resources/{id}/availability-rules/{ruleId}", Role.MANAGER, "Remove opening hours", this::deleteRule);
        routes.get("/api/v1/blackouts", Role.FRONT_DESK, "Blackout days", this::blackouts);
        routes.post("/api/v1/blackouts", Role.MANAGER, "Add blackout days (resourceId null: whole venue)", this::addBlackout);
        routes.delete("/api/v1/blackouts/{id}", Role.MANAGER, "Remove blackout days", this::deleteBlackout);
    }

    private void list(Context ctx) {
        ctx.json(resources.list().stream().map(ResourceJson::of).toList());
    }

    private void create(Context ctx) {
        ResourceRequest body = Requests.body(ctx, ResourceRequest.class);
        ResourceDetails saved = valueOf(resources.create(RouteTable.principal(ctx), body.id(), body.draft()), ResourceJson::of);
        ctx.status(201).json(ResourceJson.of(saved));
    }

    private void get(Context ctx) {
        UUID id = Requests.uuidPath(ctx, "id");
        ctx.json(ResourceJson.of(resources.find(id).orElseThrow(() -> ApiException.notFound("Resource", id))));
    }

    private void update(Context ctx) {
        UUID id = Requests.uuidPath(ctx, "id");
        ResourceRequest body = Requests.body(ctx, ResourceRequest.class);
        ctx.json(ResourceJson.of(valueOf(resources.update(RouteTable.principal(ctx), id, body.draft(), body.revision()),
                ResourceJson::of)));
    }

    private void delete(Context ctx) {
        valueOf(resources.delete(RouteTable.principal(ctx), Requests.uuidPath(ctx, "id")), ResourceJson::of);
        ctx.status(204);
    }

    private void rules(Context ctx) {
        UUID id = Requests.uuidPath(ctx, "id");
        ctx.json(resources.rules(id).orElseThrow(() -> ApiException.notFound("Resource", id)));
    }

    private void addRule(Context ctx) {
        UUID id = Requests.uuidPath(ctx, "id");
        RuleDraft body = Requests.body(ctx, RuleDraft.class);
        ctx.status(201).json(valueOf(resources.addRule(RouteTable.principal(ctx), id, body), Function.identity()));
    }

    private void deleteRule(Context ctx) {
        valueOf(resources.deleteRule(RouteTable.principal(ctx), Requests.uuidPath(ctx, "id"), Requests.uuidPath(ctx, "ruleId")),
                Function.identity());
        ctx.status(204);
    }

    private void blackouts(Context ctx) {
        ctx.json(resources.blackouts());
    }

    private void addBlackout(Context ctx) {
        BlackoutDraft body = Requests.body(ctx, BlackoutDraft.class);
        ctx.status(201).json(valueOf(resources.addBlackout(RouteTable.principal(ctx), body), Function.identity()));
    }

    private void deleteBlackout(Context ctx) {
        valueOf(resources.deleteBlackout(RouteTable.principal(ctx), Requests.uuidPath(ctx, "id")), Function.identity());
        ctx.status(204);
    }

    /** The saved value, or the matching problem thrown for the one error mapper. */
    static <T> T valueOf(ResourceOutcome<T> outcome, Function<? super T, ?> view) {
        if (outcome instanceof ResourceOutcome.Saved<T> saved) {
            return saved.value();
        }
        if (outcome instanceof ResourceOutcome.StaleRevision<T> stale) {
            throw ApiException.preconditionFailed("the record has changed since you read it; here is the current one",
                    Map.of("current", view.apply(stale.current())));
        }
        if (outcome instanceof ResourceOutcome.Invalid<T> invalid) {
            throw ApiException.badRequest(invalid.field(), invalid.reason());
        }
        if (outcome instanceof ResourceOutcome.Forbidden<T> forbidden) {
            throw ApiException.forbidden(forbidden.reason());
        }
        ResourceOutcome.NotFound<T> notFound = (ResourceOutcome.NotFound<T>) outcome;
        throw ApiException.notFound(notFound.what(), notFound.id());
    }
}
