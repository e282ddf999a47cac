package com.venuedesk.model.domain;

/**
 * A domain rule refused a value. Carries the name of the offending field so that the server can answer
 * RFC 9457 problem+json with it and the desk can show the message next to the field.
 */
public class DomainException extends RuntimeException {
    private final String field;

    public DomainException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
