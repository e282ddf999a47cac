package com.venuedesk.server.auth;

import com.venuedesk.model.domain.Role;
import com.venuedesk.server.api.Requests;
import com.venuedesk.server.api.RouteTable;
import io.javalin.http.Context;

/** HTTP routes for administrators managing staff accounts. Password hashes never leave the server. */
public final class UserApi {
    private final UserService users;

    public UserApi(UserService users) {
        this.users = users;
    }

    public void routes(RouteTable table) {
        table.get("/api/v1/users", Role.ADMIN, "List staff accounts", this::list);
        table.post("/api/v1/users", Role.ADMIN,
                "Create a staff account (password: at least 10 characters, not the username); 409 if the username is taken",
                this::create);
        table.get("/api/v1/users/{id}", Role.ADMIN, "One staff account", this::get);
        table.put("/api/v1/users/{id}", Role.ADMIN, "Change a staff account's role and/or active flag", this::update);
        table.post("/api/v1/users/{id}/password", Role.ADMIN,
                "Set a new password for a staff account; lifts a lockout and ends the user's sessions", this::resetPassword);
    }

    record CreateUserRequest(String username, String password, Role role) { }

    record UpdateUserRequest(Role role, Boolean active) { }

    record PasswordResetRequest(String password) { }

    private void list(Context ctx) {
        ctx.json(users.list());
    }

    private void create(Context ctx) {
        CreateUserRequest body = Requests.body(ctx, CreateUserRequest.class);
        UserService.UserView created = users.create(RouteTable.principal(ctx), body.username(), body.password(), body.role());
        ctx.status(201).header("Location", "/api/v1/users/" + created.id()).json(created);
    }

    private void get(Context ctx) {
        ctx.json(users.get(Requests.uuidPath(ctx, "id")));
    }

    private void update(Context ctx) {
        UpdateUserRequest body = Requests.body(ctx, UpdateUserRequest.class);
        ctx.json(users.update(RouteTable.principal(ctx), Requests.uuidPath(ctx, "id"), body.role(), body.active()));
    }

    private void resetPassword(Context ctx) {
        PasswordResetRequest body = Requests.body(ctx, PasswordResetRequest.class);
        users.resetPassword(RouteTable.principal(ctx), Requests.uuidPath(ctx, "id"), body.password());
        ctx.status(204);
    }
}
