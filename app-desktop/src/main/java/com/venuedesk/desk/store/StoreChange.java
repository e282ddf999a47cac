package com.venuedesk.desk.store;

import java.util.EnumSet;
import java.util.Set;

/**
 * What changed in the local store after one committed transaction. Listeners are called on the thread that
 * wrote, after the commit; a UI hops to its own thread. A pulled page is one change, so a view refreshes once
 * per page rather than once per record.
 *
 * @param topics     which kinds of data changed
 * @param fromServer true when the change came from a pull or a push answer, false for a local write
 */
public record StoreChange(Set<Topic> topics, boolean fromServer) {

    /** Kinds of data a view can watch. */
    public enum Topic {
        BOOKINGS, CUSTOMERS, RESOURCES, OUTBOX, CONFLICTS, SYNC_STATE
    }

    public StoreChange {
        topics = Set.copyOf(topics);
    }

    static StoreChange local(Topic first, Topic... rest) {
        return new StoreChange(EnumSet.of(first, rest), false);
    }

    static StoreChange server(Set<Topic> topics) {
        return new StoreChange(topics, true);
    }

    public boolean touches(Topic topic) {
        return topics.contains(topic);
    }
}
