package com.venuedesk.server.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the OpenAPI 3.1 description of every route in the {@link RouteTable}. */
public final class OpenApiDocument {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private OpenApiDocument() {
    }

    public static Map<String, Object> of(RouteTable table, String version) {
        Map<String, Object> paths = new TreeMap<>();
        for (RouteTable.Route route : table.routes()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<>());
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("summary", route.summary());
            op.put("operationId", route.method().name().toLowerCase() + route.path().replaceAll("[^A-Za-z0-9]+", "_"));
            List<Map<String, Object>> params = new java.util.ArrayList<>();
            Matcher m = PATH_PARAM.matcher(route.path());
            while (m.find()) {
                params.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
            }
            if (!params.isEmpty()) {
                op.put("parameters", params);
            }
            if (route.minRole() != null) {
                op.put("security", List.of(Map.of("bearer", List.of())));
                op.put("x-min-role", route.minRole().name());
            }
            op.put("responses", Map.of(
                    "default", Map.of("description", "RFC 9457 problem", "content",
                            Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))),
                    "2XX", Map.of("description", "success", "content", Map.of("application/json", Map.of()))));
            item.put(route.method().name().toLowerCase(), op);
        }
        Map<String, Object> problem = Map.of("type", "object", "properties", Map.of(
                "type", Map.of("type", "string"), "title", Map.of("type", "string"), "status", Map.of("type", "integer"),
                "detail", Map.of("type", "string"), "field", Map.of("type", "string")));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "VenueDesk sync server", "version", version));
        doc.put("paths", paths);
        doc.put("components", Map.of(
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
                "schemas", Map.of("Problem", problem)));
        return doc;
    }
}
