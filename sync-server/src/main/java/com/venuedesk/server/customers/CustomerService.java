package com.venuedesk.server.customers;

import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.rules.CustomerSearch;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.server.auth.Principal;
import com.venuedesk.server.persistence.Database;
import com.venuedesk.model.sync.HistoryAction;
import com.venuedesk.server.history.HistoryEntry;
import com.venuedesk.server.history.VenueHistory;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The guest list: front desk staff create, find and correct customers. */
public final class CustomerService {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerService.class);
    private static final int SEARCH_LIMIT = 200;

    private final Database db;
    private final VenueHistory history;

    public CustomerService(Database db, VenueHistory history) {
        this.db = db;
        this.history = history;
    }

    /**
     * Creates the customer under the given id (a client id; null: a new one), or changes it when it exists and
     * {@code expectedRevision} is its stored revision. Expected revision 0 means "create"; creating an id that exists
     * with the same content answers the stored customer (a repeated create).
     */
    public CustomerOutcome upsert(Principal actor, UUID id, CustomerDraft draft, long expectedRevision) {
        if (!actor.may(Role.FRONT_DESK)) {
            return new CustomerOutcome.Forbidden("your role may not change customers");
        }
        UUID customerId = id == null ? UUID.randomUUID() : id;
        Customer wanted;
        try {
            // the record refuses input over the column widths of V3: a 400 naming the field, not a database error
            wanted = new Customer(customerId, draft.name(), draft.email(), draft.phone(), draft.notes(), 0);
        } catch (DomainException e) {
            return new CustomerOutcome.Invalid(e.field(), e.getMessage());
        }
        return db.inTransaction(session -> {
            CustomerEntity entity = session.find(CustomerEntity.class, customerId, LockModeType.PESSIMISTIC_WRITE);
            if (entity == null) {
                if (expectedRevision != 0) {
                    return new CustomerOutcome.NotFound(customerId);
                }
                CustomerEntity created = new CustomerEntity(wanted);
                session.persist(created);
                history.record(session, HistoryEntry.of(EntityType.CUSTOMER, customerId, created.revision(), HistoryAction.CREATED,
                    actor.historyActor()));
                LOG.info("customer created customerId={} by={}", customerId, actor.username());
                return new CustomerOutcome.Saved(created.toCustomer(), true);
            }
            Customer current = entity.toCustomer();
            if (entity.deleted()) {
                return new CustomerOutcome.NotFound(customerId);
            }
            if (expectedRevision == 0 && sameContent(current, wanted)) {
                return new CustomerOutcome.Saved(current, false);
            }
            if (entity.revision() != expectedRevision) {
                return new CustomerOutcome.StaleRevision(current);
            }
            entity.apply(wanted);
            entity.bumpRevision();
            history.record(session, HistoryEntry.of(EntityType.CUSTOMER, customerId, entity.revision(), HistoryAction.UPDATED,
                    actor.historyActor()));
            LOG.info("customer updated customerId={} revision={} by={}", customerId, entity.revision(), actor.username());
            return new CustomerOutcome.Saved(entity.toCustomer(), false);
        });
    }

    public Optional<Customer> find(UUID id) {
        return db.inTransaction(session -> CustomerStore.find(session, id));
    }

    /** Customers whose name, e-mail or phone contains {@code query}, ignoring case; all (first 200) for a blank query. */
    public List<Customer> search(String query) {
        String pattern = CustomerSearch.likePattern(query);
        return db.inTransaction(session -> session.createSelectionQuery(
                        "from CustomerEntity c where c.deleted = false and (lower(c.name) like :p escape '\\'"
                                + " or lower(coalesce(c.email, '')) like :p escape '\\' or lower(coalesce(c.phone, '')) like :p escape '\\')"
                                + " order by c.name, c.id", CustomerEntity.class)
                .setParameter("p", pattern).setMaxResults(SEARCH_LIMIT).getResultList()
                .stream().map(CustomerEntity::toCustomer).toList());
    }

    private static boolean sameContent(Customer a, Customer b) {
        return a.name().equals(b.name().strip()) && java.util.Objects.equals(a.email(), b.email())
                && java.util.Objects.equals(a.phone(), b.phone()) && a.notes().equals(b.notes());
    }
}
