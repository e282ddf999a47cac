package com.venuedesk.model.domain;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** A guest who books. At least a name; e-mail and phone are checked for shape when given. */
public record Customer(UUID id, String name, String email, String phone, String notes, long revision) implements SyncedEntity {

    /** The longest e-mail address a customer may have (the server's column width). */
    public static final int MAX_EMAIL_LENGTH = 320;
    /** The longest notes a customer may have (the server's column width). */
    public static final int MAX_NOTES_LENGTH = 4000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{5,30}$");

    public Customer {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) {
            throw new DomainException("name", "name is required");
        }
        if (name.length() > 200) {
            throw new DomainException("name", "name must be at most 200 characters");
        }
        email = blankToNull(email);
        phone = blankToNull(phone);
        notes = notes == null ? "" : notes;
        // the server's column widths: a desk offline refuses what the server would refuse at sync
        atMost("email", email, MAX_EMAIL_LENGTH);
        atMost("notes", notes, MAX_NOTES_LENGTH);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new DomainException("email", "not an e-mail address: " + email);
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new DomainException("phone", "not a phone number: " + phone);
        }
    }

    private static void atMost(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new DomainException(field, field + " must be at most " + max + " characters");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Customer withRevision(long newRevision) {
        return new Customer(id, name, email, phone, notes, newRevision);
    }
}
