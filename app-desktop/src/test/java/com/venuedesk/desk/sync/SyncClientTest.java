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
}
