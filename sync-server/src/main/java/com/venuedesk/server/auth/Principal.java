package com.venuedesk.server.auth;

import com.venuedesk.model.domain.Role;
import java.util.UUID;

/**
 * The signed-in staff member on whose behalf a request or a synced mutation runs.
 *
 * @param sessionId the sign-in the access token belongs to (its refresh-token family), or null when unknown (a
 *                  principal made in the server, or a token issued before tokens named their sign-in)
 */
public record Principal(UUID userId, String username, Role role, UUID sessionId) {

    public Principal(UUID userId, String username, Role role) {
        this(userId, username, role, null);
    }

    /** The same principal, acting within the given sign-in. */
    public Principal inSession(UUID session) {
        return new Principal(userId, username, role, session);
    }

    public boolean may(Role required) {
        return role.includes(required);
    }
}
