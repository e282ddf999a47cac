package com.venuedesk.server.customers;

import com.venuedesk.model.domain.Customer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
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

    /**
     * Those of {@code ids} that name a live customer: one plain-SQL query with the ids as one array parameter (the
     * booking writer asks once per batch; Hibernate would load every customer as an entity). Does not flush: the
     * caller flushes first if its session may hold a customer not yet written.
     */
    public static Set<UUID> liveIds(Session session, Set<UUID> ids) {
        return session.doReturningWork(connection -> {
            Set<UUID> live = new HashSet<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT id FROM customer WHERE deleted = FALSE AND id = ANY (?)")) {
                s.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        live.add(r.getObject(1, UUID.class));
                    }
                }
            }
            return live;
        });
    }
}
