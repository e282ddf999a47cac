package com.venuedesk.desk.sync;

import com.venuedesk.model.domain.Role;
import java.util.UUID;

/** Who is signed in on this desk. */
public record SignedInUser(UUID id, String username, Role role) { }
