package com.venuedesk.server.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Reading request input with errors that name the offending field. */
public final class Requests {
    private Requests() {
    }

    /** The JSON body as the given type; an empty or {@code null} body is a 400, not a 500. */
    public static <T> T body(Context ctx, Class<T> type) {
        if (ctx.body().isBlank()) {
            throw ApiException.badRequest(null, "a JSON request body is required");
        }
        T value = ctx.bodyAsClass(type);
        if (value == null) {
            throw ApiException.badRequest(null, "a JSON request body is required");
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
