package com.venuedesk.model.sync;

import java.util.List;

/** One outcome per pushed mutation, in push order. */
public record PushResponse(List<MutationOutcome> outcomes) {
    public PushResponse {
        outcomes = List.copyOf(outcomes);
    }
}
