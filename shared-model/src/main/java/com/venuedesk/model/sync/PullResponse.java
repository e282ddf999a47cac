package com.venuedesk.model.sync;

import java.util.List;

/**
 * A page of changes after a cursor, in server commit order.
 *
 * @param nextCursor where the next pull starts (equal to the request's cursor when nothing is new)
 * @param hasMore    another page is ready at once
 */
public record PullResponse(List<Change> changes, String nextCursor, boolean hasMore) {
    public PullResponse {
        changes = List.copyOf(changes);
    }
}
