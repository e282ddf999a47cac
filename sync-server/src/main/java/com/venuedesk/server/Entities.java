package com.venuedesk.server;

import com.venuedesk.server.auth.RefreshToken;
import com.venuedesk.server.auth.UserAccount;
import com.venuedesk.server.booking.BookingEntity;
import com.venuedesk.server.customers.CustomerEntity;
import com.venuedesk.server.persistence.Database;
import com.venuedesk.server.resources.AvailabilityRuleEntity;
import com.venuedesk.server.resources.BlackoutEntity;
import com.venuedesk.server.resources.ResourceEntity;
import java.util.List;

/**
 * Every Hibernate entity class of the server, in one list the composition root hands to {@link Database}. It lives
 * beside the composition root, not in persistence, because it names every feature's entities: persistence is what
 * the features build on, so it names none of them (ServerArchitectureTest holds the packages free of cycles).
 */
final class Entities {
    private Entities() {
    }

    static List<Class<?>> all() {
        return List.of(
                UserAccount.class,
                RefreshToken.class,
                ResourceEntity.class, AvailabilityRuleEntity.class, BlackoutEntity.class, CustomerEntity.class,
                BookingEntity.class);
    }
}
