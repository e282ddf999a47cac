package com.venuedesk.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.model.domain.DomainException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: RFC 9457 {@code application/problem+json} with a stable
 * {@code type}, a human {@code title}, the offending {@code field} where there is one. Unknown failures are logged
 * once with a correlation id and answered 500 without internals.
 */
public final class ProblemMapper {
    public static final String TYPE_BASE = "https://venuedesk.dev/problems/";
    public static final String CONTENT_TYPE = "application/problem+json";
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
            } else if (endedEarly(e)) {
                answer(ctx, new ApiException(400, "incomplete-body", "Request body incomplete",
                        "the connection ended before the whole request body arrived", null, null));
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

    /** The client stopped sending before its body was complete: its failure, not the server's. */
    private static boolean endedEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
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
        ctx.status(e.status()).contentType(CONTENT_TYPE).result(document(e, ctx.path()));
    }

    /**
     * Jetty's own answers, given before a request reaches a route (a URI or header Jetty cannot accept, headers or a
     * request line too large, an unknown method, a failure inside Jetty), as problem documents instead of its HTML
     * page: install on the server and on the servlet context.
     */
    public Request.Handler jettyErrors() {
        return new JettyErrors();
    }

    private byte[] document(ApiException e, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + e.type());
        body.put("title", e.title());
        body.put("status", e.status());
        if (e.getMessage() != null) {
            body.put("detail", e.getMessage());
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        if (e.field() != null) {
            body.put("field", e.field());
            body.put("errors", java.util.List.of(Map.of("field", e.field(), "message",
                    e.getMessage() == null ? e.title() : e.getMessage())));
        }
        body.putAll(e.extras());
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException impossible) {
            return "{\"title\":\"Internal server error\",\"status\":500}".getBytes(StandardCharsets.UTF_8);
        }
    }

    /** What Jetty's status means to a client, in our words: Jetty's own message may name its internals. */
    private static ApiException fromJetty(int status) {
        return switch (status) {
            case 400 -> new ApiException(400, "bad-request", "Bad request",
                    "the request line, URI or headers could not be read", null, null);
            case 404 -> new ApiException(404, "not-found", "Not found", "no resource at this address", null, null);
            case 405 -> new ApiException(405, "method-not-allowed", "Method not allowed",
                    "this method is not supported here", null, null);
            case 408 -> new ApiException(408, "request-timeout", "Request timeout", "the request took too long to arrive",
                    null, null);
            case 413 -> new ApiException(413, "payload-too-large", "Request body too large",
                    "the request body is larger than the server accepts", null, null);
            case 414 -> new ApiException(414, "uri-too-long", "URI too long",
                    "the request URI is longer than the server accepts", null, null);
            case 431 -> new ApiException(431, "headers-too-large", "Request headers too large",
                    "the request's headers are larger than the server accepts", null, null);
            case 500 -> new ApiException(500, "internal", "Internal server error", "something went wrong on the server",
                    null, null);
            case 503 -> new ApiException(503, "unavailable", "Service unavailable", "the server cannot answer now; retry",
                    null, null);
            default -> new ApiException(status, "http-" + status, statusText(status), statusText(status), null, null);
        };
    }

    private static String statusText(int status) {
        String text = HttpStatus.getMessage(status);
        return text == null ? "HTTP " + status : text;
    }

    private final class JettyErrors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus() >= 400 ? response.getStatus() : 500;
            Object cause = request.getAttribute(ERROR_EXCEPTION);
            if (status == 500) {
                String correlationId = UUID.randomUUID().toString();
                LOG.error("failure inside Jetty correlationId={} status={}", correlationId, status,
                        cause instanceof Throwable t ? t : null);
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            String instance = null;
            try {
                String path = request.getHttpURI().getPath();
                // Jetty names a request it could not parse "/badMessage": its word, not the client's path
                instance = "/badMessage".equals(path) ? null : path;
            } catch (RuntimeException unreadable) {
                // an URI Jetty refused may not decode: answer without it
            }
            response.write(true, ByteBuffer.wrap(document(fromJetty(status), instance)), callback);
            return true;
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
            return ByteBuffer.wrap(document(fromJetty(status), null));
        }
    }
}
