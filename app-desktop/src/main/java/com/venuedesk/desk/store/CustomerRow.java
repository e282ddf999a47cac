package com.venuedesk.desk.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Local copy of a customer, possibly with a local change the server has not confirmed yet. */
@Entity
@Table(name = "customer")
class CustomerRow {
    @Id
    UUID id;
    String name;
    String email;
    String phone;
    @Column(name = "search_text")
    String searchText;
    long revision;
    boolean deleted;
    boolean provisional;
    @Column(nullable = false)
    String payload;
    @Column(name = "server_payload")
    String serverPayload;
}
