package com.venuedesk.server.persistence;

import com.venuedesk.server.auth.RefreshToken;
import com.venuedesk.server.auth.UserAccount;
import java.util.List;

/** Every Hibernate entity class of the server, in one list the composition root hands to {@link Database}. */
public final class Entities {
    private Entities() {
    }

    public static List<Class<?>> all() {
        return List.of(
                UserAccount.class,
                RefreshToken.class);
    }
}
