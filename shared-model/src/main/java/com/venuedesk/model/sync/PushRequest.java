package com.venuedesk.model.sync;

import java.util.List;
import java.util.Objects;

/** A desk's ordered batch of outbox mutations. The server answers them in the same order. */
public record PushRequest(String deviceId, List<Mutation> mutations) {
    public PushRequest {
        Objects.requireNonNull(deviceId, "deviceId");
        mutations = List.copyOf(mutations);
    }
}
