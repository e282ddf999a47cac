package com.venuedesk.server.auth;

import com.venuedesk.model.rules.AccountRules;
import java.time.Duration;

/**
 * The security rules of sign-in, in one record so that an installation can tune them and tests can use small numbers.
 * Access tokens live {@code accessTokenLifetime} (15 minutes by default; see {@code ServerConfig}): they are verified
 * without a database round trip, so a disabled user or a changed role takes effect at the latest when the access token
 * expires and the desk has to refresh, which is refused for a disabled user.
 *
 * @param maxFailedLogins      failed passwords in a row that lock an account
 * @param lockoutDuration      how long a locked account stays locked
 * @param loginAttemptsPerWindow login attempts one client address may make per {@code loginWindow}
 * @param loginWindow          the rate-limit window of login attempts
 * @param refreshTokenLifetime how long an unused refresh token stays valid (each refresh issues a new one)
 * @param minPasswordLength    the shortest password accepted when one is set or changed
 */
public record AuthPolicy(int maxFailedLogins, Duration lockoutDuration, int loginAttemptsPerWindow, Duration loginWindow,
                         Duration refreshTokenLifetime, int minPasswordLength) {

    public AuthPolicy {
        if (maxFailedLogins < 1 || loginAttemptsPerWindow < 1 || minPasswordLength < 1) {
            throw new IllegalArgumentException("maxFailedLogins, loginAttemptsPerWindow and minPasswordLength must be positive");
        }
        requirePositive(lockoutDuration, "lockoutDuration");
        requirePositive(loginWindow, "loginWindow");
        requirePositive(refreshTokenLifetime, "refreshTokenLifetime");
    }

    /** PRODUCT.md: 5 failed logins lock for 30 minutes; 10 login attempts per minute per address; 30-day refresh. */
    public static AuthPolicy defaults() {
        return new AuthPolicy(5, Duration.ofMinutes(30), 10, Duration.ofMinutes(1), Duration.ofDays(30),
                AccountRules.DEFAULT_MIN_PASSWORD_LENGTH);
    }

    public AuthPolicy withLoginRateLimit(int attempts, Duration window) {
        return new AuthPolicy(maxFailedLogins, lockoutDuration, attempts, window, refreshTokenLifetime, minPasswordLength);
    }

    public AuthPolicy withLockout(int failures, Duration duration) {
        return new AuthPolicy(failures, duration, loginAttemptsPerWindow, loginWindow, refreshTokenLifetime, minPasswordLength);
    }

    public AuthPolicy withRefreshTokenLifetime(Duration lifetime) {
        return new AuthPolicy(maxFailedLogins, lockoutDuration, loginAttemptsPerWindow, loginWindow, lifetime, minPasswordLength);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }
}
