package com.venuedesk.server.sync;

import com.venuedesk.model.sync.Change;
import java.util.List;

/**
 * The pull answer on the wire: {@link com.venuedesk.model.sync.PullResponse}'s fields plus {@code remaining}, an
 * estimate of the changes still to pull after {@code nextCursor} (0 when {@code hasMore} is false), for a desk's
 * initial-sync progress.
 */
public record PullAnswer(List<Change> changes, String nextCursor, boolean hasMore, long remaining) {
    public PullAnswer {
        changes = List.copyOf(changes);
    }
}
