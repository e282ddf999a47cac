package com.venuedesk.desk.store;

import com.venuedesk.model.sync.Change;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A page of pulled changes with each record's JSON as the store keeps it: the text the wire carried when the caller
 * has it (the sync client keeps it while parsing), else written here. Writing that JSON was the biggest share of
 * storing a page that needs no database, so {@link DeskStore#preparePulled} does what is left of it outside the
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

    /**
     * @param wireJson each change's record as the wire carried it, kept as it is; null (the list or an entry) where
     *                 the JSON is to be written here
     */
    static PulledPage prepare(List<Change> changes, List<String> wireJson, WireJson json) {
        List<Change> copy = List.copyOf(changes);
        if (wireJson != null && wireJson.size() != copy.size()) {
            throw new IllegalArgumentException("one entity JSON per change expected");
        }
        List<String> payloads = new ArrayList<>(copy.size());
        for (int i = 0; i < copy.size(); i++) {
            Change change = copy.get(i);
            String given = wireJson == null ? null : wireJson.get(i);
            payloads.add(change.entity() == null ? null : given != null ? given : json.entity(change.entity()));
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
