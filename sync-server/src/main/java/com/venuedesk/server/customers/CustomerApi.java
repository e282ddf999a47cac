package com.venuedesk.server.customers;

import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Role;
import com.venuedesk.server.api.ApiException;
import com.venuedesk.server.api.Requests;
import com.venuedesk.server.api.RouteTable;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;

/** REST for customers: create, search, read, change (front desk and up). */
public final class CustomerApi {
    private final CustomerService customers;

    public CustomerApi(CustomerService customers) {
        this.customers = customers;
    }

    /** Body of POST (id optional) and PUT (revision required). */
    record CustomerRequest(UUID id, String name, String email, String phone, String notes, Long revision) {
        CustomerDraft draft() {
            return new CustomerDraft(name, email, phone, notes);
        }
    }

    public void routes(RouteTable routes) {
        routes.get("/api/v1/customers", Role.FRONT_DESK, "Search customers by name, e-mail or phone (?q=)", this::search);
        routes.post("/api/v1/customers", Role.FRONT_DESK, "Create a customer", this::create);
        routes.get("/api/v1/customers/{id}", Role.FRONT_DESK, "Read one customer", this::get);
        routes.put("/api/v1/customers/{id}", Role.FRONT_DESK, "Change a customer (send the revision you read; 412 when stale)", this::update);
    }

    private void search(Context ctx) {
        ctx.json(customers.search(ctx.queryParam("q")));
    }

    private void create(Context ctx) {
        CustomerRequest body = Requests.body(ctx, CustomerRequest.class);
        ctx.status(201).json(customerOf(customers.upsert(RouteTable.principal(ctx), body.id(), body.draft(), 0)));
    }

    private void get(Context ctx) {
        UUID id = Requests.uuidPath(ctx, "id");
        ctx.json(customers.find(id).orElseThrow(() -> ApiException.notFound("Customer", id)));
    }

    private void update(Context ctx) {
        UUID id = Requests.uuidPath(ctx, "id");
        CustomerRequest body = Requests.body(ctx, CustomerRequest.class);
        if (body.revision() == null || body.revision() < 1) {
            throw ApiException.badRequest("revision", "revision is required (the revision you last read)");
        }
        ctx.json(customerOf(customers.upsert(RouteTable.principal(ctx), id, body.draft(), body.revision())));
    }

    private static Customer customerOf(CustomerOutcome outcome) {
        if (outcome instanceof CustomerOutcome.Saved saved) {
            return saved.customer();
        }
        if (outcome instanceof CustomerOutcome.StaleRevision stale) {
            throw ApiException.preconditionFailed("the customer has changed since you read it", Map.of("current", stale.current()));
        }
        if (outcome instanceof CustomerOutcome.Invalid invalid) {
            throw ApiException.badRequest(invalid.field(), invalid.reason());
        }
        if (outcome instanceof CustomerOutcome.Forbidden forbidden) {
            throw ApiException.forbidden(forbidden.reason());
        }
        throw ApiException.notFound("Customer", ((CustomerOutcome.NotFound) outcome).id());
    }
}
