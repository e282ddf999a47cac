package com.venuedesk.server.customers;

import com.venuedesk.model.domain.Customer;
import java.util.UUID;

/** What a customer command did; REST and sync push map the same cases. */
public sealed interface CustomerOutcome {

    /** Written; {@code created} when the customer is new. */
    record Saved(Customer customer, boolean created) implements CustomerOutcome { }

    /** The stored revision is not the one the caller expected; here is the current customer. */
    record StaleRevision(Customer current) implements CustomerOutcome { }

    record Invalid(String field, String reason) implements CustomerOutcome { }

    record Forbidden(String reason) implements CustomerOutcome { }

    record NotFound(UUID id) implements CustomerOutcome { }
}
