package com.venuedesk.server.auth;

import com.venuedesk.server.api.Requests;
import com.venuedesk.server.api.RouteTable;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.UUID;

/** HTTP routes for signing in. */
public final class AuthApi {
    private final AuthService auth;

    public AuthApi(AuthService auth) {
        this.auth = auth;
    }

    public void routes(RouteTable table) {
        table.post("/api/v1/auth/login", null, "Sign in with username and password; returns access and refresh tokens", this::login);
    }

    record LoginRequest(String username, String password) { }

    record UserView(UUID id, String username, String role) {
        static UserView of(Principal p) {
            return new UserView(p.userId(), p.username(), p.role().name());
        }
    }

    record TokenResponse(String accessToken, String refreshToken, Instant expiresAt, UserView user) { }

    private void login(Context ctx) {
        LoginRequest body = Requests.body(ctx, LoginRequest.class);
        AuthService.SignedIn signedIn = auth.login(body.username(), body.password());
        ctx.json(new TokenResponse(signedIn.access().token(), null, signedIn.access().expiresAt(), UserView.of(signedIn.user())));
    }
}
