package com.venuedesk.desk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.Role;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialCacheTest {
    @TempDir
    Path dataDir;

    @Test
    void theDeskKeepsOnlyABcryptHashItComputedItselfAndItSurvivesARestart() {
        UUID userId = UUID.randomUUID();
        try (DeskStore store = DeskStore.open(dataDir)) {
            new CredentialCache(store).remember("frontdesk", "correct horse", userId, Role.MANAGER);
            String hash = store.read(s -> s.find(CredentialRow.class, "frontdesk").passwordHash);
            assertThat(hash).startsWith("$2a$").doesNotContain("correct horse");
        }
        try (DeskStore reopened = DeskStore.open(dataDir)) {
            CredentialCache cache = new CredentialCache(reopened);
            assertThat(cache.verify("frontdesk", "correct horse")).contains(new CachedUser(userId, "frontdesk", Role.MANAGER));
            assertThat(cache.verify("frontdesk", "correct horse ")).isEmpty();
        }
    }

    @Test
    void aCachedSignInNoLongerWorksOfflineOnceOlderThanTheMaximumAgeOrForgotten() {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2026-12-01T08:00:00Z"));
        java.time.Clock clock = new java.time.Clock() {
            @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            @Override public java.time.Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public java.time.Instant instant() { return now.get(); }
        };
        try (DeskStore store = DeskStore.open(dataDir, clock)) {
            CredentialCache cache = new CredentialCache(store, java.time.Duration.ofDays(14));
            cache.remember("frontdesk", "correct horse", UUID.randomUUID(), Role.FRONT_DESK);
            now.set(now.get().plus(java.time.Duration.ofDays(13)));
            assertThat(cache.verify("frontdesk", "correct horse")).isPresent();
            now.set(now.get().plus(java.time.Duration.ofDays(2)));
            assertThat(cache.verify("frontdesk", "correct horse")).as("15 days after the last online sign-in").isEmpty();

            cache.remember("frontdesk", "correct horse", UUID.randomUUID(), Role.FRONT_DESK);
            assertThat(cache.verify("frontdesk", "correct horse")).as("renewed online").isPresent();
            cache.forget("frontdesk");
            assertThat(cache.verify("frontdesk", "correct horse")).isEmpty();
        }
    }

    @Test
    void aFreshDeskKnowsNobodyUntilSomeoneSignedInOnline() {
        try (DeskStore store = DeskStore.open(dataDir)) {
            CredentialCache cache = new CredentialCache(store);
            assertThat(cache.knowsAnyone()).isFalse();
            cache.remember("frontdesk", "correct horse", UUID.randomUUID(), Role.FRONT_DESK);
            assertThat(cache.knowsAnyone()).isTrue();
        }
    }

    @Test
    void aNewOnlineSignInReplacesTheCachedPassword() {
        UUID userId = UUID.randomUUID();
        try (DeskStore store = DeskStore.open(dataDir)) {
            CredentialCache cache = new CredentialCache(store);
            cache.remember("frontdesk", "old password", userId, Role.FRONT_DESK);
            cache.remember("frontdesk", "new password", userId, Role.FRONT_DESK);

            assertThat(cache.verify("frontdesk", "old password")).isEmpty();
            assertThat(cache.verify("frontdesk", "new password")).isPresent();
        }
    }
}
