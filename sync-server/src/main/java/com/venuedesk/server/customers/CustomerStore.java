package com.venuedesk.server.customers;

import com.venuedesk.model.domain.Customer;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** Reads of customers inside a caller's transaction, for other features (bookings). */
public final class CustomerStore {
    private CustomerStore() {
    }

    /** Those of the ids that name live (not deleted) customers. */
    public static Set<UUID> liveIds(Session session, Collection<UUID> ids) {
        Set<UUID> live = new HashSet<>();
        for (CustomerEntity customer : session.findMultiple(CustomerEntity.class, List.copyOf(ids))) {
            if (customer != null && !customer.deleted()) {
                live.add(customer.toCustomer().id());
            }
        }
        return live;
    }

    /** The live (not deleted) customer. */
    public static Optional<Customer> find(Session session, UUID id) {
        CustomerEntity entity = session.find(CustomerEntity.class, id);
        return entity == null || entity.deleted() ? Optional.empty() : Optional.of(entity.toCustomer());
    }
}
