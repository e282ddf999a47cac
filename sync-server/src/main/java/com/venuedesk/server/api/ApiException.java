package com.venuedesk.server.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the caller can act on, answered as RFC 9457 problem+json by {@link ProblemMapper}.
 *
 * @param type   stable slug appended to {@code https://venuedesk.dev/problems/}
 * @param field  the offending input field, or null
 * @param extras additional members of the problem document (e.g. {@code conflicts}, {@code alternatives})
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final Map<String, Object> extras;

    public ApiException(int status, String type, String title, String detail, String field, Map<String, Object> extras) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.extras = extras == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(extras));
    }

    public static ApiException badRequest(String field, String detail) {
        return new ApiException(400, "validation", "Invalid request", detail, field, null);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "not-found", what + " not found", what + " " + id + " does not exist", null, null);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Authentication required", detail, null, null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Not allowed for your role", detail, null, null);
    }

    public static ApiException conflict(String type, String title, String detail, Map<String, Object> extras) {
        return new ApiException(409, type, title, detail, null, extras);
    }

    public static ApiException preconditionFailed(String detail, Map<String, Object> extras) {
        return new ApiException(412, "stale-revision", "The record has changed since you read it", detail, "revision", extras);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public Map<String, Object> extras() {
        return extras;
    }
}
