package com.venuedesk.server.customers;

import com.venuedesk.model.domain.Customer;
import java.util.Collection;
import java.util.HashSet;
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
        if (ids.size() == 1) {
            // the usual case; a list parameter would cost Hibernate a fresh SQL translation on every call
            UUID only = ids.iterator().next();
            return find(session, only).isPresent() ? Set.of(only) : Set.of();
        }
        return new HashSet<>(session.createSelectionQuery(
                        "select c.id from CustomerEntity c where c.id in :ids and c.deleted = false", UUID.class)
                .setParameter("ids", ids).getResultList());
    }

    /** The live (not deleted) customer. */
    public static Optional<Customer> find(Session session, UUID id) {
        CustomerEntity entity = session.find(CustomerEntity.class, id);
        return entity == null || entity.deleted() ? Optional.empty() : Optional.of(entity.toCustomer());
    }
}
