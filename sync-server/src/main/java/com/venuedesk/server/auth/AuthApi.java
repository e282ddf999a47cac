package com.venuedesk.server.auth;

import com.venuedesk.model.domain.Role;
import com.venuedesk.server.api.ApiException;
import com.venuedesk.server.api.Requests;
import com.venuedesk.server.api.RouteTable;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * HTTP routes for signing in and staying signed in. Access tokens live 15 minutes by default
 * ({@code ServerConfig.accessTokenLifetime}); the desk renews them with its refresh token, which works once.
 */
public final class AuthApi {
    private final AuthService auth;
    private final LoginRateLimiter loginLimiter;

    public AuthApi(AuthService auth, LoginRateLimiter loginLimiter) {
        this.auth = auth;
        this.loginLimiter = loginLimiter;
    }

    public void routes(RouteTable table) {
        table.post("/api/v1/auth/login", null,
                "Sign in with username and password; returns an access token (valid 15 minutes by default) and a single-use "
                        + "refresh token (30 days); 423 while the account is locked, 429 with Retry-After when rate-limited",
                this::login);
        table.post("/api/v1/auth/refresh", null,
                "Trade a refresh token for a new access token and a new refresh token; the old one is spent", this::refresh);
        table.post("/api/v1/auth/logout", null, "Sign out: revoke the refresh token and every token of its sign-in",
                this::logout);
        table.post("/api/v1/auth/password", Role.FRONT_DESK,
                "Change your own password (needs the current one); ends your other sessions and returns new tokens",
                this::changePassword);
        table.get("/api/v1/auth/me", Role.FRONT_DESK, "Who the access token belongs to", this::me);
    }

    record LoginRequest(String username, String password) { }

    record RefreshRequest(String refreshToken) { }

    record PasswordChangeRequest(String currentPassword, String newPassword) { }

    record UserRef(UUID id, String username, String role) {
        static UserRef of(Principal p) {
            return new UserRef(p.userId(), p.username(), p.role().name());
        }
    }

    /** The fixed login shape of PRODUCT.md, plus when the refresh token expires. */
    record TokenResponse(String accessToken, String refreshToken, Instant expiresAt, Instant refreshExpiresAt,
                         UserRef user) {
        static TokenResponse of(AuthService.SignedIn s) {
            return new TokenResponse(s.access().token(), s.refresh().token(), s.access().expiresAt(),
                    s.refresh().expiresAt(), UserRef.of(s.user()));
        }
    }

    private void login(Context ctx) {
        OptionalLong wait = loginLimiter.tryAcquire(ctx.ip());
        if (wait.isPresent()) {
            ctx.header("Retry-After", Long.toString(wait.getAsLong()));
            throw new ApiException(429, "too-many-login-attempts", "Too many login attempts",
                    "too many sign-in attempts from your address; try again in " + wait.getAsLong() + " seconds", null,
                    Map.of("retryAfterSeconds", wait.getAsLong()));
        }
        LoginRequest body = Requests.body(ctx, LoginRequest.class);
        ctx.json(TokenResponse.of(auth.login(body.username(), body.password())));
    }

    private void refresh(Context ctx) {
        RefreshRequest body = Requests.body(ctx, RefreshRequest.class);
        if (body.refreshToken() == null || body.refreshToken().isBlank()) {
            throw ApiException.badRequest("refreshToken", "refreshToken is required");
        }
        ctx.json(TokenResponse.of(auth.refresh(body.refreshToken())));
    }

    private void logout(Context ctx) {
        RefreshRequest body = Requests.body(ctx, RefreshRequest.class);
        if (body.refreshToken() == null || body.refreshToken().isBlank()) {
            throw ApiException.badRequest("refreshToken", "refreshToken is required");
        }
        auth.logout(body.refreshToken());
        ctx.status(204);
    }

    private void changePassword(Context ctx) {
        PasswordChangeRequest body = Requests.body(ctx, PasswordChangeRequest.class);
        ctx.json(TokenResponse.of(auth.changeOwnPassword(RouteTable.principal(ctx), body.currentPassword(),
                body.newPassword())));
    }

    private void me(Context ctx) {
        ctx.json(UserRef.of(RouteTable.principal(ctx)));
    }
}
