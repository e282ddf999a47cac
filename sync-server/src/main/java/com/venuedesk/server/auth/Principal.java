package com.venuedesk.server.auth;

import com.venuedesk.model.domain.Role;
import java.util.UUID;

/** The signed-in staff member on whose behalf a request or a synced mutation runs. */
public record Principal(UUID userId, String username, Role role) {

    public boolean may(Role required) {
        return role.includes(required);
    }
}
