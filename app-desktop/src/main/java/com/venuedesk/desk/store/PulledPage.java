package com.venuedesk.desk.store;

import com.venuedesk.model.sync.Change;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A page of pulled changes with each record already written as the JSON the store keeps. Writing that JSON is the
 * biggest share of storing a page that needs no database, so {@link DeskStore#preparePulled} does it outside the
 * store's lock and transaction: the sync engine prepares the next page on the thread that fetched it while the
 * current page is being stored.
 */
public final class PulledPage {
    private final List<Change> changes;
    private final List<String> payloads;

    private PulledPage(List<Change> changes, List<String> payloads) {
        this.changes = changes;
        this.payloads = payloads;
    }

    static PulledPage prepare(List<Change> changes, WireJson json) {
        List<Change> copy = List.copyOf(changes);
        List<String> payloads = new ArrayList<>(copy.size());
        for (Change change : copy) {
            payloads.add(change.entity() == null ? null : json.entity(change.entity()));
        }
        return new PulledPage(copy, Collections.unmodifiableList(payloads));
    }

    public List<Change> changes() {
        return changes;
    }

    public int size() {
        return changes.size();
    }

    /** The JSON of the {@code index}th change's record; null for a change without one. */
    String payload(int index) {
        return payloads.get(index);
    }
}
