package com.venuedesk.desk.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The single row of sync bookkeeping. */
@Entity
@Table(name = "sync_state")
class SyncStateRow {
    static final int ONLY_ROW = 1;

    @Id
    Integer id;
    @Column(name = "device_id")
    UUID deviceId;
    @Column(name = "pull_cursor")
    String pullCursor;
    @Column(name = "last_success")
    Instant lastSuccess;
    /** Set while a full pull after a cursor reset is under way (see {@code DeskStore.beginResync}). */
    @Column(name = "resync_started_at")
    Instant resyncStartedAt;
}
