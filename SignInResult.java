package com.venuedesk.desk.signin;

import com.venuedesk.model.domain.Role;
import java.util.UUID;

/** What became of a sign-in attempt. */
public sealed interface SignInResult {

    /** Signed in; {@code offline} when only the cached credentials could be checked (the server did not answer). */
    record SignedIn(UserSession session) implements SignInResult { }

    /** Wrong username or password, locked account, or the like; {@code reason} is shown next to the password. */
    record Refused(String reason) implements SignInResult { }

    /** The server did not answer and this user never signed in online on this desk. */
    record Unreachable(String reason) implements SignInResult { }

    /** Who works at the desk now. */
    record UserSession(UUID userId, String username, Role role, boolean offline) {
        public boolean mayManage() {
            return role.includes(Role.MANAGER);
        }
    }
}
