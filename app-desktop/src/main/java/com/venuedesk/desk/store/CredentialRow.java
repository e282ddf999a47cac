package com.venuedesk.desk.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user who signed in online on this desk, with a locally computed bcrypt hash of their password. */
@Entity
@Table(name = "cached_credential")
class CredentialRow {
    @Id
    String username;
    @Column(name = "user_id")
    UUID userId;
    String role;
    @Column(name = "password_hash")
    String passwordHash;
    @Column(name = "cached_at")
    Instant cachedAt;
}
