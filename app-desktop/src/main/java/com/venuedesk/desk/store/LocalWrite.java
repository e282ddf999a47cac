package com.venuedesk.desk.store;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.Slot;
import com.venuedesk.model.domain.SyncedEntity;
import java.util.List;

/** What became of a local write. Callers handle every case. */
public sealed interface LocalWrite {

    /** Written locally and queued for the server, in one transaction. */
    record Recorded(SyncedEntity entity) implements LocalWrite { }

    /** Refused: the time is taken on this desk's copy; here are the bookings in the way and free alternatives. */
    record Clash(List<Booking> conflicts, List<Slot> alternatives) implements LocalWrite {
        public Clash {
            conflicts = List.copyOf(conflicts);
            alternatives = List.copyOf(alternatives);
        }
    }

    /** Refused: a value breaks a rule; field names it as the server would. */
    record Invalid(String field, String reason) implements LocalWrite { }
}
