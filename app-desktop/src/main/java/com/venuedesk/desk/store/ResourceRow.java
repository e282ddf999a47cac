package com.venuedesk.desk.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.util.UUID;

/** Local copy of a resource; the record itself travels in payload as wire JSON. */
@Entity
@Table(name = "resource")
class ResourceRow extends ReferenceRow {
    @Id
    UUID id;
    String name;
    boolean active;
    @Lob
    @Column(nullable = false)
    String payload;
}
