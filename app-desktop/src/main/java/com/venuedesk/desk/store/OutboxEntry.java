package com.venuedesk.desk.store;

import com.venuedesk.model.sync.Mutation;
import java.time.Instant;

/** A mutation waiting in the outbox, in push order (seq). */
public record OutboxEntry(long seq, Mutation mutation, Instant createdAt) { }
