package com.venuedesk.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.venuedesk.model.domain.Role;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import com.venuedesk.server.wire.Json;
import io.javalin.http.HandlerType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Table-driven fuzzing of every write route: its valid body, then the same body with each field (nested ones too)
 * removed, null, of the wrong type, a huge string or number, an unknown enum value, an invalid date or id, deeply
 * nested; and whole bodies that are not objects. The server must never answer 5xx, every 4xx must be a problem
 * document with its status, a refused body must store nothing, and the server must answer promptly afterwards.
 * Deterministic (no random seed to chase): a failure names the route, the field and the value.
 */
class WriteRoutesFuzzIT {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WriteRoutesFuzzIT.class);
    private static final ObjectMapper JSON = Json.newMapper();
    private static final String HOLE = "__fuzz__";
    private static final Duration PROMPT = Duration.ofSeconds(2);
    private static final String DEEP_ARRAY = "[".repeat(5_000) + "]".repeat(5_000);
    private static final String DEEP_OBJECT = "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000);

    /** Replacement values for a field, as raw JSON. */
    private static final List<String> VALUES = List.of(
            "null", "true", "-1", "1e309", "123456789012345678901234567890", "\"\"",
            "\"" + "x".repeat(100_000) + "\"", "\"not-a-uuid\"", "\"NOT_A_KNOWN_VALUE\"", "\"2026-13-45T99:00:00Z\"",
            "\"+99999-01-01T00:00:00Z\"", "\"-99999-12-31\"", "\"25:61\"", "\"a\\u0000b\"", "\"\\ud800\"", "[null]",
            "{\"amount\":\"1e309\",\"currency\":\"XXX\"}", DEEP_ARRAY);

    /** Replacement values for an object or array inside a body (its own fields get {@link #VALUES}). */
    private static final List<String> CONTAINER_VALUES = List.of("null", "\"text\"", "-1", "[null]", DEEP_ARRAY);

    /** Bodies that are not the object a route expects. */
    private static final List<String> BODIES = List.of(
            "", "null", "[]", "{}", "42", "\"text\"", "{", "[1,2", "\u0000", DEEP_ARRAY, DEEP_OBJECT, "{\"x\":1,\"x\":2}",
            "\"" + "x".repeat(200_000) + "\"");

    private record WriteRoute(HandlerType method, String path, String concretePath, Supplier<ApiClient> client,
                              Supplier<ObjectNode> validBody) { }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void mutatedBodiesOfEveryWriteRouteNeverBreakTheServerAndStoreNothingWhenRefused(ServerUnderTest.Db db,
                                                                                       @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            ApiClient admin = venue.admin;
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");
            String booking = admin.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-07T09:00:00Z", "2026-12-07T10:00:00Z")).json().get("id").asText();
            String user = admin.post("/api/v1/users",
                    Map.of("username", "fuzzed", "password", "fuzzed-password-1", "role", "FRONT_DESK")).json().get("id").asText();
            venue.staff("fuzz-login", Role.FRONT_DESK);
            AtomicReference<String> ownPassword = new AtomicReference<>("changer-password");
            AtomicReference<ApiClient> changer = new AtomicReference<>(venue.staff("changer", Role.FRONT_DESK));
            String refreshToken = venue.anonymous.post("/api/v1/auth/login",
                    "{\"username\":\"fuzz-login\",\"password\":\"fuzz-login-password\"}").json().get("refreshToken").asText();

            List<WriteRoute> routes = writeRoutes(admin, venue.anonymous, changer, ownPassword, room, guest, booking, user,
                    refreshToken);
            assertThat(routes.stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toSet()))
                    .as("every write route of the server is fuzzed")
                    .containsAll(server.routes().routes().stream()
                            .filter(r -> r.method() == HandlerType.POST || r.method() == HandlerType.PUT
                                    || r.method() == HandlerType.PATCH)
                            .map(r -> r.method() + " " + r.path()).collect(Collectors.toSet()));

            SoftAssertions softly = new SoftAssertions();
            AtomicReference<String> stored = new AtomicReference<>(stored(server));
            int sent = 0;
            long started = System.nanoTime();
            for (WriteRoute route : routes) {
                long routeStarted = System.nanoTime();
                for (String body : BODIES) {
                    check(softly, server, route, "body " + abbreviate(body), body, stored, ownPassword, changer);
                    sent++;
                }
                for (String pointer : leafPointers(route.validBody().get(), "")) {
                    check(softly, server, route, pointer + " removed", without(route.validBody().get(), pointer),
                            stored, ownPassword, changer);
                    sent++;
                    boolean container = route.validBody().get().at(pointer).isContainerNode();
                    for (String value : container ? CONTAINER_VALUES : VALUES) {
                        check(softly, server, route, pointer + " = " + abbreviate(value),
                                with(route.validBody().get(), pointer, value), stored, ownPassword, changer);
                        sent++;
                    }
                }
                ObjectNode extra = route.validBody().get();
                extra.put("unexpected", "field").putArray("more").add(1);
                check(softly, server, route, "extra fields", write(extra), stored, ownPassword, changer);
                check(softly, server, route, "valid body", write(route.validBody().get()), stored, ownPassword, changer);
                sent += 2;
                LOG.debug("fuzzed {} {} in {} ms", route.method(), route.path(),
                        Duration.ofNanos(System.nanoTime() - routeStarted).toMillis());
            }
            softly.assertAll();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("fuzz: {} requests on {} routes in {} ms ({})",
                    sent, routes.size(), took.toMillis(), db);

            String freshRoom = venue.resource("Room after the fuzz");
            long before = System.nanoTime();
            assertThat(admin.get("/health").status()).isEqualTo(200);
            ApiClient.Reply after = admin.post("/api/v1/bookings",
                    Venue.booking(null, freshRoom, guest, "2026-12-08T09:00:00Z", "2026-12-08T10:00:00Z"));
            assertThat(after.status()).as(after.body()).isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - before)).as("the server still answers promptly").isLessThan(PROMPT);
        }
    }

    private static List<WriteRoute> writeRoutes(ApiClient admin, ApiClient anonymous, AtomicReference<ApiClient> changer,
                                                AtomicReference<String> ownPassword, String room, String guest,
                                                String booking, String user, String refreshToken) {
        Supplier<ApiClient> asAdmin = () -> admin;
        Supplier<ApiClient> asNobody = () -> anonymous;
        List<WriteRoute> routes = new ArrayList<>();
        Supplier<ObjectNode> resource = () -> object(Map.of("name", "Room " + UUID.randomUUID(), "type", "MEETING_ROOM",
                "capacity", 6, "pricePerHour", Map.of("amount", "40.00", "currency", "EUR"), "timeZone", "Europe/Berlin",
                "location", Map.of("address", "Main St 1", "city", "Berlin", "country", "DE", "latitude", 52.5,
                        "longitude", 13.4),
                "amenities", List.of("wifi", "projector"), "requiresApproval", false, "description", "bright"));
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/resources", "/api/v1/resources", asAdmin, resource));
        routes.add(new WriteRoute(HandlerType.PUT, "/api/v1/resources/{id}", "/api/v1/resources/" + room, asAdmin,
                () -> resource.get().put("revision", admin.get("/api/v1/resources/" + room).json().get("revision").asLong())));
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/resources/{id}/availability-rules",
                "/api/v1/resources/" + room + "/availability-rules", asAdmin,
                () -> object(Map.of("dayOfWeek", "MONDAY", "startTime", "08:00", "endTime", "20:00", "available", true,
                        "validFrom", "2026-01-01", "validTo", "2027-01-01"))));
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/blackouts", "/api/v1/blackouts", asAdmin,
                () -> object(Map.of("resourceId", room, "startDate", "2027-05-01", "endDate", "2027-05-02",
                        "reason", "maintenance"))));
        Supplier<ObjectNode> customer = () -> object(Map.of("name", "Grace Hopper", "email", "grace@example.com",
                "phone", "+49 30 1234567", "notes", "regular"));
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/customers", "/api/v1/customers", asAdmin, customer));
        routes.add(new WriteRoute(HandlerType.PUT, "/api/v1/customers/{id}", "/api/v1/customers/" + guest, asAdmin,
                () -> customer.get().put("revision", admin.get("/api/v1/customers/" + guest).json().get("revision").asLong())));
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/bookings", "/api/v1/bookings", asAdmin,
                () -> object(Map.of("id", UUID.randomUUID().toString(), "resourceId", room, "customerId", guest,
                        "start", "2026-12-09T09:00:00Z", "end", "2026-12-09T10:00:00Z", "notes", "fuzz"))));
        routes.add(new WriteRoute(HandlerType.PUT, "/api/v1/bookings/{id}", "/api/v1/bookings/" + booking, asAdmin,
                () -> object(Map.of("resourceId", room, "start", "2026-12-07T09:00:00Z", "end", "2026-12-07T10:30:00Z",
                        "revision", admin.get("/api/v1/bookings/" + booking).json().get("revision").asLong()))));
        for (String step : List.of("cancel", "check-in", "complete", "no-show", "approve")) {
            routes.add(new WriteRoute(HandlerType.POST, "/api/v1/bookings/{id}/" + step,
                    "/api/v1/bookings/" + booking + "/" + step, asAdmin,
                    () -> object(Map.of("reason", "fuzz", "at", "2026-12-07T09:05:00Z"))));
        }
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/quotes", "/api/v1/quotes", asAdmin,
                () -> object(Map.of("resourceId", room, "start", "2026-12-09T09:00:00Z", "end", "2026-12-09T10:00:00Z"))));
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/sync/push", "/api/v1/sync/push", asAdmin, () -> {
            ObjectNode push = object(Map.of("deviceId", "fuzz-desk"));
            ArrayNode mutations = push.putArray("mutations");
            mutations.add(object(Map.of("type", "CREATE_BOOKING", "mutationId", UUID.randomUUID().toString(),
                    "bookingId", UUID.randomUUID().toString(), "resourceId", room, "customerId", guest,
                    "start", "2026-12-10T09:00:00Z", "end", "2026-12-10T10:00:00Z", "notes", "offline")));
            mutations.add(object(Map.of("type", "RESCHEDULE_BOOKING", "mutationId", UUID.randomUUID().toString(),
                    "bookingId", booking, "expectedRevision", 1, "resourceId", room,
                    "start", "2026-12-07T09:00:00Z", "end", "2026-12-07T10:00:00Z")));
            mutations.add(object(Map.of("type", "CHANGE_BOOKING_STATUS", "mutationId", UUID.randomUUID().toString(),
                    "bookingId", booking, "action", "CHECK_IN", "reason", "arrived", "at", "2026-12-07T09:01:00Z")));
            mutations.add(object(Map.of("type", "UPSERT_CUSTOMER", "mutationId", UUID.randomUUID().toString(),
                    "customer", Map.of("id", UUID.randomUUID().toString(), "name", "Offline Guest", "email", "o@example.com",
                            "phone", "+1 555", "notes", "", "revision", 0), "expectedRevision", 0)));
            return push;
        }));
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/users", "/api/v1/users", asAdmin,
                () -> object(Map.of("username", "u" + UUID.randomUUID().toString().substring(0, 8),
                        "password", "a-long-password-1", "role", "FRONT_DESK"))));
        routes.add(new WriteRoute(HandlerType.PUT, "/api/v1/users/{id}", "/api/v1/users/" + user, asAdmin,
                () -> object(Map.of("role", "MANAGER", "active", true))));
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/users/{id}/password", "/api/v1/users/" + user + "/password",
                asAdmin, () -> object(Map.of("password", "a-new-password-2"))));
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/auth/login", "/api/v1/auth/login", asNobody,
                () -> object(Map.of("username", "fuzz-login", "password", "fuzz-login-password"))));
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/auth/refresh", "/api/v1/auth/refresh", asNobody,
                () -> object(Map.of("refreshToken", refreshToken))));
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/auth/logout", "/api/v1/auth/logout", asNobody,
                () -> object(Map.of("refreshToken", "not-a-token-of-anyone"))));
        // the venue here has accounts: a valid setup is a 409, a mutated one a 400, neither stores anything
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/setup", "/api/v1/setup", asNobody,
                () -> object(Map.of("venueName", "Hall 7", "timeZone", "Europe/Berlin", "username", "taker",
                        "password", "taker-password-1"))));
        routes.add(new WriteRoute(HandlerType.PATCH, "/api/v1/bookings/{id}", "/api/v1/bookings/" + booking, asAdmin,
                () -> object(Map.of("customerId", guest, "notes", "window seat",
                        "revision", admin.get("/api/v1/bookings/" + booking).json().get("revision").asLong()))));
        routes.add(new WriteRoute(HandlerType.PUT, "/api/v1/customers/{id}/contact-preferences",
                "/api/v1/customers/" + guest + "/contact-preferences", asAdmin,
                () -> object(Map.of("language", "de", "emailOptOut", false, "smsOptIn", true, "smsOptOut", false))));
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/resources/{id}/calendar-token",
                "/api/v1/resources/" + room + "/calendar-token", asAdmin, () -> object(Map.of("includeGuests", false))));
        // these take no JSON (a retry of a notification that does not exist, the signed provider callbacks, the
        // unsubscribe link): whatever the body, the answer is a problem, never a 5xx, and nothing is stored
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/notifications/{id}/retry",
                "/api/v1/notifications/" + UUID.randomUUID() + "/retry", asAdmin, () -> object(Map.of())));
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/notifications/sms/status", "/api/v1/notifications/sms/status",
                asNobody, () -> object(Map.of("MessageSid", "SM1", "MessageStatus", "delivered"))));
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/notifications/sms/inbound", "/api/v1/notifications/sms/inbound",
                asNobody, () -> object(Map.of("From", "+4930123", "Body", "STOP"))));
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/notifications/unsubscribe",
                "/api/v1/notifications/unsubscribe?token=not-a-token", asNobody, () -> object(Map.of())));
        // retrying a parked event takes no body; the parked entry does not exist, so every variant is a 404
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/consumers/parked/{id}/retry",
                "/api/v1/consumers/parked/" + UUID.randomUUID() + "/retry", asAdmin, () -> object(Map.of())));
        routes.add(new WriteRoute(HandlerType.POST, "/api/v1/auth/password", "/api/v1/auth/password", changer::get,
                () -> object(Map.of("currentPassword", ownPassword.get(), "newPassword", "p-" + UUID.randomUUID()))));
        return routes;
    }

    private static void check(SoftAssertions softly, VenueDeskServer server, WriteRoute route, String variant, String body,
                              AtomicReference<String> stored, AtomicReference<String> ownPassword,
                              AtomicReference<ApiClient> changer) {
        String what = route.method() + " " + route.path() + " with " + variant;
        String before = stored.get();
        ApiClient client = route.client().get();
        ApiClient.Reply reply = route.method() == HandlerType.PUT ? client.put(route.concretePath(), body)
                : route.method() == HandlerType.PATCH ? client.patch(route.concretePath(), body)
                : client.post(route.concretePath(), body);
        softly.assertThat(reply.status()).as(what + " -> " + abbreviate(reply.body())).isLessThan(500);
        if (reply.status() >= 400 && reply.status() < 500) {
            softly.assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
            softly.assertThat(reply.json() != null && reply.json().path("status").asInt() == reply.status()
                    && reply.json().path("type").asText().startsWith(ProblemMapper.TYPE_BASE)
                    && reply.json().hasNonNull("title")).as(what + " -> " + abbreviate(reply.body())).isTrue();
        }
        String now = stored(server);
        if (reply.status() >= 400) {
            softly.assertThat(now).as(what + ": nothing stored for a refused body").isEqualTo(before);
        }
        stored.set(now);
        if (route.path().equals("/api/v1/auth/password") && reply.status() == 200) {
            // the changer's password changed and its sign-in was renewed: carry on as the changer would
            ownPassword.set(readTree(body).get("newPassword").asText());
            changer.set(changer.get().withToken(reply.json().get("accessToken").asText()));
        }
    }

    /** What a refused body must not change: the rows of every table a write route writes, and the change log. */
    private static String stored(VenueDeskServer server) {
        return server.database().inTransaction(session -> String.valueOf(session.createNativeQuery(
                "SELECT (SELECT COUNT(*) FROM change_log) || '/' || (SELECT COUNT(*) FROM resource) || '/' || "
                        + "(SELECT COUNT(*) FROM customer) || '/' || (SELECT COUNT(*) FROM booking) || '/' || "
                        + "(SELECT COUNT(*) FROM availability_rule) || '/' || (SELECT COUNT(*) FROM blackout) || '/' || "
                        + "(SELECT COUNT(*) FROM app_user) || '/' || (SELECT COALESCE(SUM(revision), 0) FROM booking) || '/' || "
                        + "(SELECT COALESCE(SUM(revision), 0) FROM resource) || '/' || "
                        + "(SELECT COALESCE(SUM(revision), 0) FROM customer)", Object.class).getSingleResult()));
    }

    /** JSON pointers of every leaf of the body (and of every object and array in it). */
    private static List<String> leafPointers(JsonNode node, String at) {
        List<String> pointers = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                pointers.add(at + "/" + name);
                JsonNode child = node.get(name);
                if (child.isContainerNode()) {
                    pointers.addAll(leafPointers(child, at + "/" + name));
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                pointers.add(at + "/" + i);
                if (node.get(i).isContainerNode()) {
                    pointers.addAll(leafPointers(node.get(i), at + "/" + i));
                }
            }
        }
        return pointers;
    }

    private static String with(ObjectNode body, String pointer, String rawValue) {
        JsonNode parent = body.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).put(last, HOLE);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), JSON.getNodeFactory().textNode(HOLE));
        }
        return write(body).replace("\"" + HOLE + "\"", rawValue);
    }

    private static String without(ObjectNode body, String pointer) {
        JsonNode parent = body.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ArrayNode) parent).remove(Integer.parseInt(last));
        }
        return write(body);
    }

    private static ObjectNode object(Map<String, ?> fields) {
        return JSON.valueToTree(new LinkedHashMap<>(fields));
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() > 120 ? text.substring(0, 120) + "...(" + text.length() + ")" : text;
    }
}
