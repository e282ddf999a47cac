package com.venuedesk.desk.store;

import com.venuedesk.model.domain.Role;
import java.util.UUID;

/** A user who signed in online on this desk before, as remembered for offline sign-in. */
public record CachedUser(UUID userId, String username, Role role) { }
