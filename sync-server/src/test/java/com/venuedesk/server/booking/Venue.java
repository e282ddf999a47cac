package com.venuedesk.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.Role;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.auth.AuthService;
import com.venuedesk.server.auth.UserAccount;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Test set-up through the real API: staff accounts, resources, customers, bookings. */
public final class Venue {
    public final VenueDeskServer server;
    public final ApiClient anonymous;
    public final ApiClient admin;

    public Venue(VenueDeskServer server) {
        this.server = server;
        this.anonymous = new ApiClient(server.baseUri());
        this.admin = anonymous.login("admin", ServerUnderTest.ADMIN_PASSWORD);
    }

    /** A signed-in client for a new staff account with the role (created directly; the users API is not ours). */
    public ApiClient staff(String username, Role role) {
        String password = username + "-password";
        server.database().inTransaction(session -> {
            session.persist(new UserAccount(UUID.randomUUID(), username, AuthService.hash(password), role, Instant.now()));
            return null;
        });
        return anonymous.login(username, password);
    }

    public String resource(String name, String price, boolean requiresApproval) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", "MEETING_ROOM");
        body.put("capacity", 6);
        body.put("pricePerHour", Map.of("amount", price, "currency", "EUR"));
        body.put("timeZone", "Europe/Berlin");
        body.put("requiresApproval", requiresApproval);
        ApiClient.Reply r = admin.post("/api/v1/resources", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    public String resource(String name) {
        return resource(name, "40.00", false);
    }

    public String customer(String name) {
        ApiClient.Reply r = admin.post("/api/v1/customers",
                Map.of("name", name, "email", name.toLowerCase().replace(' ', '.') + "@example.com", "phone", "+49 30 1234567"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    public static Map<String, Object> booking(String id, String resourceId, String customerId, String start, String end) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (id != null) {
            body.put("id", id);
        }
        body.put("resourceId", resourceId);
        body.put("customerId", customerId);
        body.put("start", start);
        body.put("end", end);
        body.put("notes", "projector please");
        return body;
    }

    /** A problem+json answer with the status and the offending field. */
    public static void assertProblem(ApiClient.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("field").asText()).as(reply.body()).isEqualTo(field);
    }
}
