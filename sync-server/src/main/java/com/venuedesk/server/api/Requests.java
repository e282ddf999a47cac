package com.venuedesk.server.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Reading request input with errors that name the offending field. */
public final class Requests {
    /** The field a problem names when the body as a whole is missing or not an object. */
    public static final String BODY = "body";
    private Requests() {
    }

    /** The JSON body as the given type; an empty or {@code null} body is a 400 naming {@code body}, not a 500. */
    public static <T> T body(Context ctx, Class<T> type) {
        String text = ctx.body().strip();
        if (text.isEmpty() || "null".equals(text)) {
            throw ApiException.badRequest(BODY, "a JSON object is required as the request body");
        }
        T value;
        try {
            value = ctx.bodyAsClass(type);
        } catch (NullPointerException e) {
            // Javalin's Kotlin signature refuses a null that Jackson read (e.g. the body "null" with whitespace)
            throw ApiException.badRequest(BODY, "a JSON object is required as the request body");
        }
        if (value == null) {
            throw ApiException.badRequest(BODY, "a JSON object is required as the request body");
        }
        return value;
    }

    public static UUID uuidPath(Context ctx, String name) {
        return uuid(name, ctx.pathParam(name));
    }

    public static UUID uuidQuery(Context ctx, String name, boolean required) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            if (required) {
                throw ApiException.badRequest(name, name + " is required");
            }
            return null;
        }
        return uuid(name, raw);
    }

    public static Instant instantQuery(Context ctx, String name, boolean required) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            if (required) {
                throw ApiException.badRequest(name, name + " is required");
            }
            return null;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be an ISO-8601 instant such as 2026-12-01T09:00:00Z");
        }
    }

    public static int intQuery(Context ctx, String name, int defaultValue, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw ApiException.badRequest(name, name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a whole number");
        }
    }

    public static UUID uuid(String field, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest(field, field + " must be a UUID");
        }
    }
}
