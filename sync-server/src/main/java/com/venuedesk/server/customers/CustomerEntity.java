package com.venuedesk.server.customers;

import com.venuedesk.model.domain.Customer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Storage of one {@link Customer}. */
@Entity
@Table(name = "customer")
public class CustomerEntity {
    @Id
    private UUID id;
    @Column(nullable = false)
    private String name;
    private String email;
    private String phone;
    @Column(nullable = false)
    private String notes;
    @Column(nullable = false)
    private long revision;
    @Column(nullable = false)
    private boolean deleted;

    protected CustomerEntity() {
    }

    CustomerEntity(Customer customer) {
        id = customer.id();
        apply(customer);
        revision = 1;
    }

    void apply(Customer c) {
        name = c.name().strip();
        email = c.email();
        phone = c.phone();
        notes = c.notes();
    }

    void bumpRevision() {
        revision++;
    }

    long revision() {
        return revision;
    }

    boolean deleted() {
        return deleted;
    }

    Customer toCustomer() {
        return new Customer(id, name, email, phone, notes, revision);
    }
}
