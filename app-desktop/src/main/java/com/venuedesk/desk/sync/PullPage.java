package com.venuedesk.desk.sync;

import com.venuedesk.model.sync.PullResponse;
import java.util.List;

/**
 * A pulled page, with the server's estimate of how many changes remain after it when the server sends one
 * (an optional {@code "remaining"} number in the pull answer; -1 when unknown), and each change's record as the JSON
 * the server sent (null for a change without one), which the desk store keeps as it is.
 */
public record PullPage(PullResponse response, long remaining, List<String> entityJson) {

    public PullPage {
        if (entityJson.size() != response.changes().size()) {
            throw new IllegalArgumentException("one entity JSON per change expected");
        }
    }

    public boolean remainingKnown() {
        return remaining >= 0;
    }
}
