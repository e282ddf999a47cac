package com.venuedesk.server.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token as stored: its SHA-256 hash, the sign-in family it belongs to, and whether it was already used
 * (spent) or cancelled with its family (revoked). The token text itself exists only in the client's hands.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {
    @Id
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "family_id", nullable = false)
    private UUID familyId;
    @Column(name = "user_id", nullable = false)
    private UUID userId;
    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(nullable = false)
    private boolean spent;
    @Column(nullable = false)
    private boolean revoked;

    protected RefreshToken() {
    }

    public RefreshToken(String tokenHash, UUID familyId, UUID userId, Instant issuedAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.familyId = familyId;
        this.userId = userId;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public UUID familyId() {
        return familyId;
    }

    public UUID userId() {
        return userId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean spent() {
        return spent;
    }

    public boolean revoked() {
        return revoked;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public void spend() {
        spent = true;
    }
}
