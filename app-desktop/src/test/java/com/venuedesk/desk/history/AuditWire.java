package com.venuedesk.desk.history;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Answers {@code GET /api/v1/audit} with the JSON the server's audit endpoint is documented to answer (issue 14), and
 * a manager's sign-in. The server's endpoint is not on this branch yet: once it is, a test using this swaps it for the
 * real server ({@code testing/CentralServer} or {@code VenueDeskServer.start} with the demo venue, signing in as
 * {@code manager}/{@code manager-password}) and books, moves and cancels through the desk instead of {@link #history}.
 */
final class AuditWire extends Dispatcher {
    static final String USERNAME = "manager";
    static final String PASSWORD = "manager-password";
    final UUID managerId = UUID.randomUUID();
    final List<RecordedRequest> auditRequests = new CopyOnWriteArrayList<>();
    /** The status the audit endpoint answers: 200 with {@link #history}, 403 as for a front-desk account, 503 down. */
    volatile int auditStatus = 200;
    volatile String history = "{\"items\": [], \"nextCursor\": null}";

    /** The documented answer for a booking made at desk {@code device}, moved from another desk and cancelled. */
    static String bookedMovedCancelled(UUID bookingId, String deskDevice, String otherDevice, UUID roomA, UUID roomB) {
        return """
                {"items": [
                  {"at": "2026-12-02T09:00:00Z", "action": "CANCELLED", "entityType": "BOOKING", "entityId": "%1$s",
                   "revision": 4, "actor": {"id": "6f1c7d3e-0000-4000-8000-000000000001", "username": "sam"},
                   "pushedBy": null, "deviceId": "%3$s", "reason": "guest called", "details": {}},
                  {"at": "2026-12-01T15:30:00Z", "action": "RESOURCE_CHANGED", "entityType": "BOOKING", "entityId": "%1$s",
                   "revision": 3, "actor": {"id": "6f1c7d3e-0000-4000-8000-000000000002", "username": "dana"},
                   "pushedBy": {"id": "6f1c7d3e-0000-4000-8000-000000000003", "username": "lee"}, "deviceId": "%2$s",
                   "reason": null, "details": {"fromResourceId": "%4$s", "toResourceId": "%5$s",
                   "fromStart": "2026-12-01T09:00:00Z", "toStart": "2026-12-01T09:00:00Z",
                   "fromEnd": "2026-12-01T10:00:00Z", "toEnd": "2026-12-01T10:00:00Z"}},
                  {"at": "2026-12-01T08:10:00Z", "action": "RESCHEDULED", "entityType": "BOOKING", "entityId": "%1$s",
                   "revision": 2, "actor": {"id": "6f1c7d3e-0000-4000-8000-000000000002", "username": "dana"},
                   "pushedBy": null, "deviceId": "%2$s", "reason": null,
                   "details": {"fromStart": "2026-12-01T08:00:00Z", "toStart": "2026-12-01T09:00:00Z",
                               "fromEnd": "2026-12-01T09:00:00Z", "toEnd": "2026-12-01T10:00:00Z"}},
                  {"at": "2026-11-30T16:00:00Z", "action": "CREATED", "entityType": "BOOKING", "entityId": "%1$s",
                   "revision": 1, "actor": null, "pushedBy": null, "deviceId": null, "reason": null, "details": {}}
                ], "nextCursor": null}
                """.formatted(bookingId, deskDevice, otherDevice, roomA, roomB);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/api/v1/auth/login")) {
            return json(200, """
                    {"accessToken": "access-m", "refreshToken": "refresh-m", "expiresAt": "2026-12-02T10:00:00Z",
                     "user": {"id": "%s", "username": "%s", "role": "MANAGER"}}""".formatted(managerId, USERNAME));
        }
        if (!"Bearer access-m".equals(request.getHeaders().get("Authorization"))) {
            return problem(401, "unauthenticated", "Sign in first");
        }
        if (path.equals("/api/v1/audit")) {
            auditRequests.add(request);
            return switch (auditStatus) {
                case 200 -> json(200, history);
                case 403 -> problem(403, "forbidden", "Audit trail is for MANAGER and ADMIN");
                default -> problem(auditStatus, "unavailable", "Try again later");
            };
        }
        return problem(404, "not-found", "No such endpoint " + path);
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse problem(int status, String type, String title) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/problem+json")
                .body("{\"type\": \"https://venuedesk.dev/problems/" + type + "\", \"title\": \"" + title
                        + "\", \"status\": " + status + "}").build();
    }
}
