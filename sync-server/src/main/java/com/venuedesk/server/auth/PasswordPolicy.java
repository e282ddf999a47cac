package com.venuedesk.server.auth;

import com.venuedesk.server.api.ApiException;
import java.nio.charset.StandardCharsets;

/** What a new password must satisfy before it is hashed and stored. */
public final class PasswordPolicy {
    /** bcrypt reads only the first 72 bytes; a longer password would be silently truncated. */
    static final int MAX_BYTES = 72;

    private final int minLength;

    public PasswordPolicy(int minLength) {
        this.minLength = minLength;
    }

    /** @throws ApiException 400 naming {@code field} when the password is too weak for the user */
    public void check(String field, String password, String username) {
        if (password == null || password.isEmpty()) {
            throw ApiException.badRequest(field, field + " is required");
        }
        if (password.codePointCount(0, password.length()) < minLength) {
            throw ApiException.badRequest(field, "password must be at least " + minLength + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiException.badRequest(field, "password must be at most " + MAX_BYTES + " bytes long");
        }
        if (username != null && password.strip().equalsIgnoreCase(username.strip())) {
            throw ApiException.badRequest(field, "password must not be the username");
        }
    }
}
