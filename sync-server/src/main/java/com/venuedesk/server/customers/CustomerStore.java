package com.venuedesk.server.customers;

import com.venuedesk.model.domain.Customer;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** Reads of customers inside a caller's transaction, for other features (bookings). */
public final class CustomerStore {
    private CustomerStore() {
    }

    /** The live (not deleted) customer. */
    public static Optional<Customer> find(Session session, UUID id) {
        CustomerEntity entity = session.find(CustomerEntity.class, id);
        return entity == null || entity.deleted() ? Optional.empty() : Optional.of(entity.toCustomer());
    }
}
