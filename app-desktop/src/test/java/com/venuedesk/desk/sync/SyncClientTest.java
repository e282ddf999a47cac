package com.venuedesk.desk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.venuedesk.model.sync.PushRequest;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncClientTest {
    private final MockWebServer server = new MockWebServer();
    private final WireServer wire = new WireServer();
    private SyncClient client;

    @BeforeEach
    void start() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
        client = new SyncClient(server.url("/").toString(), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void loginSendsUsernameAndPasswordAndKeepsTheTokens() throws Exception {
        server.setDispatcher(wire);

        AuthSession session = client.login(wire.username, wire.password);

        RecordedRequest login = server.takeRequest();
        assertThat(login.getMethod()).isEqualTo("POST");
        assertThat(login.getUrl().encodedPath()).isEqualTo("/api/v1/auth/login");
        assertThat(wire.mapper.readTree(login.getBody().utf8()).path("username").asText()).isEqualTo(wire.username);
        assertThat(session.user().id()).isEqualTo(wire.userId);
        assertThat(session.accessToken()).isEqualTo(wire.accessToken);
        assertThat(session.toString()).doesNotContain(wire.accessToken);
    }

    @Test
    void aProblemAnswerBecomesAProblemExceptionWithItsField() {
        server.setDispatcher(wire);
        client.login(wire.username, wire.password);
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return wire.problem(422, "validation", "start must be before end", "start");
            }
        });

        assertThatThrownBy(() -> client.push(new PushRequest("desk-1", List.of())))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(422);
                    assertThat(e.problem().field()).isEqualTo("start");
                    assertThat(e.problem().type()).endsWith("/validation");
                    assertThat(e.isTransient()).isFalse();
                });
    }

    @Test
    void anUnreachableServerIsReportedAsSuch() {
        server.close();

        assertThatThrownBy(() -> client.login("frontdesk", "x"))
                .isInstanceOfSatisfying(ServerUnreachableException.class, e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void callsWithoutASessionAreRefusedBeforeTheyLeaveTheDesk() {
        server.setDispatcher(wire);

        assertThatThrownBy(() -> client.pull(null, 10)).isInstanceOf(NotSignedInException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aRefusedRefreshTokenEndsTheSession() {
        server.setDispatcher(wire);
        client.login(wire.username, wire.password);
        wire.expireAccessToken();
        wire.refreshToken = "revoked";

        assertThatThrownBy(() -> client.pull(null, 10)).isInstanceOf(NotSignedInException.class);
        assertThat(client.session()).isEmpty();
    }

    @Test
    void rememberedCredentialsTheServerRefusesAreForgottenSoRetriesCannotLockTheAccount() {
        server.setDispatcher(wire);
        client.loginWhenNeeded(new Credentials(wire.username, "changed on the server since"));

        assertThatThrownBy(() -> client.pull(null, 10)).isInstanceOf(NotSignedInException.class);
        assertThatThrownBy(() -> client.pull(null, 10)).isInstanceOf(NotSignedInException.class);

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aClientOfAServerStillStartingFailsAsUnreachableUntilTheServerListensThenWorks() {
        server.setDispatcher(wire);
        java.util.concurrent.CompletableFuture<String> address = new java.util.concurrent.CompletableFuture<>();
        try (SyncClient starting = new SyncClient(address, Duration.ofSeconds(1), Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> starting.login(wire.username, wire.password))
                    .isInstanceOf(ServerUnreachableException.class).hasMessageContaining("still starting");

            address.complete(server.url("/").toString());

            assertThat(starting.login(wire.username, wire.password).user().id()).isEqualTo(wire.userId);
        }
    }

    @Test
    void aPulledPageKeepsEachRecordsJsonAsTheServerSentItAndSkipsFieldsItDoesNotKnow() {
        server.setDispatcher(wire);
        client.login(wire.username, wire.password);
        String booking = "{\"entityType\":\"BOOKING\",\"id\":\"6f1c2b7e-3a52-4d7e-9d0a-5b1f4c3e2a10\","
                + "\"resourceId\":\"0c9e8f7a-1b2c-4d3e-8f4a-5b6c7d8e9f01\",\"customerId\":\"1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f50\","
                + "\"range\":{\"start\":\"2026-12-06T09:00:00Z\",\"end\":\"2026-12-06T10:00:00Z\"},\"status\":\"CONFIRMED\","
                + "\"price\":{\"amount\":40.00,\"currency\":\"EUR\"},\"notes\":\"caf\u00e9 \\\"corner\\\" {table}\","
                + "\"revision\":3,\"createdBy\":null,\"createdAt\":\"2026-11-30T08:00:00.123456Z\",\"checkedInAt\":null,"
                + "\"statusReason\":\"\",\"addedByANewerServer\":[1,{\"x\":2}]}";
        String body = "{\"changes\":[{\"cursor\":\"c1\",\"entityType\":\"BOOKING\","
                + "\"entityId\":\"6f1c2b7e-3a52-4d7e-9d0a-5b1f4c3e2a10\",\"revision\":3,\"deleted\":false,\"entity\": " + booking
                + ",\"tag\":{\"new\":true}},{\"cursor\":\"c2\",\"entityType\":\"CUSTOMER\","
                + "\"entityId\":\"1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f50\",\"revision\":4,\"deleted\":true,\"entity\":null}],"
                + "\"nextCursor\":\"c2\",\"serverTime\":\"soon\",\"hasMore\":true,\"remaining\":7}";
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
            }
        });

        PullPage page = client.pull(null, 10);

        assertThat(page.response().changes()).hasSize(2);
        assertThat(page.entityJson()).containsExactly(booking, null);
        com.venuedesk.model.domain.Booking read = (com.venuedesk.model.domain.Booking) page.response().changes().get(0).entity();
        assertThat(read.notes()).isEqualTo("caf\u00e9 \"corner\" {table}");
        assertThat(read.revision()).isEqualTo(3);
        assertThat(page.response().changes().get(1).deleted()).isTrue();
        assertThat(page.response().changes().get(1).entity()).isNull();
        assertThat(page.response().nextCursor()).isEqualTo("c2");
        assertThat(page.response().hasMore()).isTrue();
        assertThat(page.remaining()).isEqualTo(7);
    }

    @Test
    void anUnreadablePullAnswerIsAProblemOfTheServer() {
        server.setDispatcher(wire);
        client.login(wire.username, wire.password);
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("{\"changes\":[{\"cursor\":\"c1\",\"entityType\":\"SPACESHIP\"}]}").build();
            }
        });

        assertThatThrownBy(() -> client.pull(null, 10))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(502));
    }

    @Test
    void everyCallNamesTheDeskByItsDeviceId() throws Exception {
        java.util.UUID device = java.util.UUID.randomUUID();
        server.setDispatcher(wire);
        try (SyncClient desk = new SyncClient(server.url("/").toString(), Duration.ofSeconds(1), Duration.ofSeconds(2), device)) {
            desk.login(wire.username, wire.password);
            desk.push(new PushRequest(device.toString(), List.of()));
            desk.pull(null, 10);
            // an admin call (the wire double knows none and answers 404): sent like the others
            assertThatThrownBy(() -> desk.callJson("GET", "api/v1/resources", null)).isInstanceOf(ProblemException.class);
            wire.expireAccessToken();
            desk.pull(null, 10);
        }

        List<RecordedRequest> calls = new java.util.ArrayList<>();
        for (RecordedRequest r = server.takeRequest(1, java.util.concurrent.TimeUnit.SECONDS); r != null;
             r = server.takeRequest(1, java.util.concurrent.TimeUnit.SECONDS)) {
            calls.add(r);
        }
        assertThat(calls).extracting(r -> r.getUrl().encodedPath()).contains("/api/v1/auth/login", "/api/v1/sync/push",
                "/api/v1/sync/pull", "/api/v1/resources", "/api/v1/auth/refresh");
        assertThat(calls).allSatisfy(r -> assertThat(r.getHeaders().get("X-Device-Id")).isEqualTo(device.toString()));
    }
}
