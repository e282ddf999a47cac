package com.venuedesk.desk.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.util.UUID;

/** Local copy of an availability rule. */
@Entity
@Table(name = "availability_rule")
class RuleRow extends ReferenceRow {
    @Id
    UUID id;
    @Column(name = "resource_id")
    UUID resourceId;
    @Lob
    @Column(nullable = false)
    String payload;
}
