package com.venuedesk.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.model.domain.DomainException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: RFC 9457 {@code application/problem+json} with a stable
 * {@code type}, a human {@code title}, the offending {@code field} where there is one. Unknown failures are logged
 * once with a correlation id and answered 500 without internals.
 */
public final class ProblemMapper {
    public static final String TYPE_BASE = "https://venuedesk.dev/problems/";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    private final ObjectMapper json;

    public ProblemMapper(ObjectMapper json) {
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> answer(ctx, e));
        routes.exception(DomainException.class, (e, ctx) -> answer(ctx, ApiException.badRequest(e.field(), e.getMessage())));
        routes.exception(JsonProcessingException.class, (e, ctx) -> answer(ctx, fromJson(e)));
        routes.exception(DateTimeParseException.class,
                (e, ctx) -> answer(ctx, ApiException.badRequest(null, "not an ISO-8601 date/time: " + e.getParsedString())));
        routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, fromJavalin(e)));
        routes.exception(Exception.class, (e, ctx) -> {
            Throwable cause = unwrap(e);
            if (cause instanceof ApiException api) {
                answer(ctx, api);
            } else if (cause instanceof DomainException domain) {
                answer(ctx, ApiException.badRequest(domain.field(), domain.getMessage()));
            } else if (cause instanceof JsonProcessingException jpe) {
                answer(ctx, fromJson(jpe));
            } else {
                String correlationId = UUID.randomUUID().toString();
                LOG.error("unhandled failure correlationId={} {} {}", correlationId, ctx.method(), ctx.path(), e);
                answer(ctx, new ApiException(500, "internal", "Internal server error",
                        "Something went wrong on the server. Quote correlation id " + correlationId + " to support.",
                        null, Map.of("correlationId", correlationId)));
            }
        });
        routes.error(404, ctx -> {
            if (!ctx.res().isCommitted() && !"application/problem+json".equals(ctx.res().getContentType())) {
                answer(ctx, new ApiException(404, "not-found", "Not found", "No resource at " + ctx.path(), null, null));
            }
        });
        routes.error(405, ctx -> answer(ctx, new ApiException(405, "method-not-allowed", "Method not allowed",
                ctx.method() + " is not supported on " + ctx.path(), null, null)));
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t
                && (t instanceof java.util.concurrent.CompletionException || t instanceof java.lang.reflect.UndeclaredThrowableException
                || t.getClass().getName().startsWith("org.hibernate") || t instanceof jakarta.persistence.PersistenceException)) {
            if (t.getCause() instanceof ApiException || t.getCause() instanceof DomainException) {
                return t.getCause();
            }
            t = t.getCause();
        }
        return t;
    }

    private static ApiException fromJson(JsonProcessingException e) {
        String field = null;
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            field = jme.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        Throwable cause = e.getCause();
        if (cause instanceof DomainException domain) {
            return ApiException.badRequest(domain.field() != null ? domain.field() : field, domain.getMessage());
        }
        String detail = e.getOriginalMessage();
        if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
            detail = cause.getMessage() == null ? "missing value" : cause.getMessage();
        }
        if (detail != null && detail.length() > 300) {
            detail = detail.substring(0, 300);
        }
        String title = e instanceof JsonMappingException ? "Invalid request body" : "Malformed JSON";
        return new ApiException(400, e instanceof JsonMappingException ? "validation" : "malformed-json", title,
                detail, field, null);
    }

    private static ApiException fromJavalin(HttpResponseException e) {
        int status = e.getStatus();
        String type = switch (status) {
            case 400 -> "validation";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        return new ApiException(status, type, e.getMessage(), e.getMessage(), null, null);
    }

    /** Writes the problem document; also used by handlers that answer problems directly (e.g. auth filters). */
    public void answer(Context ctx, ApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + e.type());
        body.put("title", e.title());
        body.put("status", e.status());
        if (e.getMessage() != null) {
            body.put("detail", e.getMessage());
        }
        body.put("instance", ctx.path());
        if (e.field() != null) {
            body.put("field", e.field());
            body.put("errors", java.util.List.of(Map.of("field", e.field(), "message",
                    e.getMessage() == null ? e.title() : e.getMessage())));
        }
        body.putAll(e.extras());
        try {
            ctx.status(e.status()).contentType("application/problem+json").result(json.writeValueAsString(body));
        } catch (JsonProcessingException impossible) {
            ctx.status(500).result("{\"title\":\"Internal server error\",\"status\":500}");
        }
    }
}
