package com.venuedesk.desk.signin;

import com.venuedesk.model.domain.Role;
import java.util.UUID;

/** What became of a sign-in attempt. */
public sealed interface SignInResult {

    /** Signed in, online or (when the server did not answer) with the credentials cached on this desk. */
    record SignedIn(UserSession session) implements SignInResult { }

    /**
     * Not signed in: wrong username or password, a locked account, or no server and no cached credentials;
     * {@code reason} is shown next to the password.
     */
    record Refused(String reason) implements SignInResult { }

    /** Who works at the desk now; {@code offline} when only cached credentials were checked. */
    record UserSession(UUID userId, String username, Role role, boolean offline) {
        public boolean mayManage() {
            return role.includes(Role.MANAGER);
        }
    }
}
