package com.venuedesk.desk.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A mutation the server refused, waiting for staff to resolve it. */
@Entity
@Table(name = "conflict_item")
class ConflictRow {
    @Id
    @Column(name = "mutation_id")
    UUID mutationId;
    @Column(name = "booking_id")
    UUID bookingId;
    String kind;
    String reason;
    @Lob
    @Column(nullable = false)
    String mutation;
    @Lob
    @Column(nullable = false)
    String outcome;
    @Column(name = "created_at")
    Instant createdAt;
    boolean resolved;
    @Column(name = "resolution_note")
    String resolutionNote;
    @Column(name = "resolved_at")
    Instant resolvedAt;
}
