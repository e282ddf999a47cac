package com.venuedesk.desk.sync;

import com.venuedesk.model.sync.PullResponse;

/**
 * A pulled page, with the server's estimate of how many changes remain after it when the server sends one
 * (an optional {@code "remaining"} number in the pull answer); -1 when unknown.
 */
public record PullPage(PullResponse response, long remaining) {

    public boolean remainingKnown() {
        return remaining >= 0;
    }
}
