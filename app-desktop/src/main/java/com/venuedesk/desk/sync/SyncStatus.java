package com.venuedesk.desk.sync;

import java.time.Instant;

/**
 * What the desk shows about syncing.
 *
 * @param online         the last contact with the server worked
 * @param pendingChanges local changes not yet accepted by the server
 * @param lastSuccess    end of the last complete sync, or null if none yet
 * @param progress       progress of the pull under way ({@link InitialSyncProgress#IDLE} when none)
 * @param lastError      why the last attempt failed, or null after a success
 * @param resyncedAt     when this desk last pulled the whole venue afresh because the server refused its cursor (the
 *                       server was restored from a backup, or is another database); null if it has not since it started
 */
public record SyncStatus(boolean online, int pendingChanges, Instant lastSuccess, InitialSyncProgress progress,
                         String lastError, Instant resyncedAt) {

    public SyncStatus(boolean online, int pendingChanges, Instant lastSuccess, InitialSyncProgress progress,
                      String lastError) {
        this(online, pendingChanges, lastSuccess, progress, lastError, null);
    }

    SyncStatus withPending(int pending) {
        return new SyncStatus(online, pending, lastSuccess, progress, lastError, resyncedAt);
    }

    SyncStatus withProgress(InitialSyncProgress p) {
        return new SyncStatus(online, pendingChanges, lastSuccess, p, lastError, resyncedAt);
    }

    SyncStatus markOnline() {
        return new SyncStatus(true, pendingChanges, lastSuccess, progress, lastError, resyncedAt);
    }

    SyncStatus withResyncAt(Instant at) {
        return new SyncStatus(online, pendingChanges, lastSuccess, progress, lastError, at);
    }
}
