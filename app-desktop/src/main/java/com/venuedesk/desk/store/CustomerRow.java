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
    /** The server's copy when it differs from payload; null when it is payload, or when there is none. */
    @Column(name = "server_payload")
    String serverPayload;

    /** The last state the server confirmed, or null for a customer the server has never given a revision. */
    String serverCopy() {
        return ServerCopy.of(serverPayload, payload, revision);
    }

    /** Before a local change overwrites payload: a server copy that was payload is kept apart from now on. */
    void keepServerCopy() {
        serverPayload = serverCopy();
    }
}
