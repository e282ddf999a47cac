package com.venuedesk.desk.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Local copy of a booking. payload is what the desk shows; the server's copy (see {@link #serverCopy()}) is the last
 * state the server confirmed, kept apart only while a local change shows something else.
 */
@Entity
@Table(name = "booking")
class BookingRow {
    @Id
    UUID id;
    @Column(name = "resource_id")
    UUID resourceId;
    @Column(name = "customer_id")
    UUID customerId;
    @Column(name = "start_at")
    Instant startAt;
    @Column(name = "end_at")
    Instant endAt;
    String status;
    long revision;
    boolean deleted;
    boolean provisional;
    boolean refused;
    @Column(nullable = false)
    String payload;
    /** The server's copy when it differs from payload; null when it is payload, or when there is none. */
    @Column(name = "server_payload")
    String serverPayload;

    /** The last state the server confirmed, or null for a booking the server has never given a revision. */
    String serverCopy() {
        return ServerCopy.of(serverPayload, payload, revision);
    }

    /** Before a local change overwrites payload: a server copy that was payload is kept apart from now on. */
    void keepServerCopy() {
        serverPayload = serverCopy();
    }
}
