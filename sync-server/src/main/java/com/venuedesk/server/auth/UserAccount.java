package com.venuedesk.server.auth;

import com.venuedesk.model.domain.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A staff account as stored; the password only as a bcrypt hash. */
@Entity
@Table(name = "app_user")
public class UserAccount {
    @Id
    private UUID id;
    @Column(nullable = false, unique = true)
    private String username;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;
    @Column(nullable = false)
    private boolean active = true;
    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private long revision = 1;

    protected UserAccount() {
    }

    public UserAccount(UUID id, String username, String passwordHash, Role role, Instant createdAt) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public boolean active() {
        return active;
    }

    public int failedLogins() {
        return failedLogins;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long revision() {
        return revision;
    }

    public void changePasswordHash(String hash) {
        this.passwordHash = hash;
        revision++;
    }

    public void changeRole(Role newRole) {
        this.role = newRole;
        revision++;
    }

    public void setActive(boolean newActive) {
        this.active = newActive;
        revision++;
    }

    public void recordFailedLogin(int maxFailures, Instant lockUntil) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            lockedUntil = lockUntil;
            failedLogins = 0;
        }
    }

    public void recordSuccessfulLogin() {
        failedLogins = 0;
        lockedUntil = null;
    }

    /** Lifts a lockout, as when an administrator resets the password. */
    public void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Principal principal() {
        return new Principal(id, username, role);
    }
}
