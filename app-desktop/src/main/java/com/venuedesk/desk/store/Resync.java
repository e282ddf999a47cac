package com.venuedesk.desk.store;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A full pull of the venue after the server answered this desk's cursor with a cursor reset (it was restored from a
 * backup, or it is another database): begun by {@link DeskStore#beginResync()}, fed every page through
 * {@link DeskStore#applyPulledPage(PulledPage, String, Resync)}, ended by {@link DeskStore#finishResync(Resync)},
 * which removes what the server no longer has. It remembers which records the pull has brought; a desk restarted
 * half-way begins a new one (the store knows one was under way), since only a complete pull tells what is gone.
 * Used by one sync at a time.
 */
public final class Resync {
    private final Instant startedAt;
    /** Ids of every record the pull brought so far, of any type (ids are random UUIDs, unique across tables). */
    final Set<UUID> seen = new HashSet<>();

    Resync(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** How many records the pull has brought so far. */
    public int recordsSeen() {
        return seen.size();
    }

    /**
     * What the end of a resync did.
     *
     * @param removed     local copies of records the server no longer has, removed
     * @param keptPending local records the server does not have that stay because a local change of theirs waits to
     *                    be pushed (they stay provisional and are pushed as usual), among them the records this desk
     *                    created that the restored server lost, whose mutations went back to the outbox
     */
    public record Outcome(int removed, int keptPending) { }
}
