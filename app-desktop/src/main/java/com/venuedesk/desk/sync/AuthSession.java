package com.venuedesk.desk.sync;

import java.time.Instant;

/**
 * Tokens from a login or refresh. The refresh token rotates: each refresh answers a new one and the old one
 * stops working, so only the newest is kept.
 */
public record AuthSession(String accessToken, String refreshToken, Instant expiresAt, SignedInUser user) {

    @Override
    public String toString() {
        return "AuthSession[user=" + user + ", expiresAt=" + expiresAt + "]";
    }
}
