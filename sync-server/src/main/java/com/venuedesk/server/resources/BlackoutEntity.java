package com.venuedesk.server.resources;

import com.venuedesk.model.domain.Blackout;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** Storage of one {@link Blackout}. */
@Entity
@Table(name = "blackout")
public class BlackoutEntity {
    @Id
    private UUID id;
    @Column(name = "resource_id")
    private UUID resourceId;
    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;
    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;
    @Column(nullable = false)
    private String reason;
    @Column(nullable = false)
    private long revision;
    @Column(nullable = false)
    private boolean deleted;

    protected BlackoutEntity() {
    }

    BlackoutEntity(Blackout blackout) {
        id = blackout.id();
        resourceId = blackout.resourceId();
        startDate = blackout.startDate();
        endDate = blackout.endDate();
        reason = blackout.reason();
        revision = 1;
    }

    boolean deleted() {
        return deleted;
    }

    long revision() {
        return revision;
    }

    void markDeleted() {
        deleted = true;
        revision++;
    }

    Blackout toBlackout() {
        return new Blackout(id, resourceId, startDate, endDate, reason, revision);
    }
}
