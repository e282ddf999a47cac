package com.venuedesk.desk.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One recorded intent waiting for (or done with) the server; seq gives the push order. */
@Entity
@Table(name = "outbox")
class OutboxRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long seq;
    @Column(name = "mutation_id")
    UUID mutationId;
    @Column(name = "entity_id")
    UUID entityId;
    @Lob
    @Column(nullable = false)
    String mutation;
    @Column(name = "created_at")
    Instant createdAt;
    String state;
    Long revision;
    @Column(name = "settled_at")
    Instant settledAt;
}
