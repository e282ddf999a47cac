package com.venuedesk.desk.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Local copy of a booking. payload is what the desk shows; serverPayload the last state the server confirmed
 * (null for a booking the server has never accepted).
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
    @Column(name = "server_payload")
    String serverPayload;
}
