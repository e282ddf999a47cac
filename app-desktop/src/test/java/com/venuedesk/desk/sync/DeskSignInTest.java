package com.venuedesk.desk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.store.CredentialCache;
import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.model.domain.Role;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeskSignInTest {
    @TempDir
    Path dataDir;

    private final WireServer wire = new WireServer();
    private final MockWebServer server = new MockWebServer();
    private DeskStore store;
    private SyncClient client;
    private DeskSignIn signIn;

    @BeforeEach
    void desk() throws Exception {
        server.setDispatcher(wire);
        server.start(InetAddress.getLoopbackAddress(), 0);
        store = DeskStore.open(dataDir);
        client = new SyncClient(server.url("/").toString(), Duration.ofSeconds(1), Duration.ofSeconds(2));
        signIn = new DeskSignIn(client, new CredentialCache(store));
    }

    @AfterEach
    void close() {
        client.close();
        store.close();
        server.close();
    }

    @Test
    void aUserWhoSignedInOnlineBeforeCanSignInOfflineWithTheSamePassword() {
        DeskSignIn.Result online = signIn.signIn(new Credentials(wire.username, wire.password));
        server.close();

        DeskSignIn.Result offline = signIn.signIn(new Credentials(wire.username, wire.password));

        assertThat(online).isInstanceOf(DeskSignIn.Result.Online.class);
        assertThat(offline).isEqualTo(new DeskSignIn.Result.Offline(new SignedInUser(wire.userId, wire.username, Role.FRONT_DESK)));
    }

    @Test
    void aWrongPasswordIsRefusedOffline() {
        signIn.signIn(new Credentials(wire.username, wire.password));
        server.close();

        DeskSignIn.Result result = signIn.signIn(new Credentials(wire.username, "Correct Horse"));

        assertThat(result).isInstanceOf(DeskSignIn.Result.Refused.class);
    }

    @Test
    void aUserNeverSeenOnlineOnThisDeskIsRefusedOffline() {
        signIn.signIn(new Credentials(wire.username, wire.password));
        server.close();

        DeskSignIn.Result result = signIn.signIn(new Credentials("manager", wire.password));

        assertThat(result).isInstanceOf(DeskSignIn.Result.Refused.class);
    }

    @Test
    void aWrongPasswordOnlineIsRefusedWithTheServersReasonAndNotTriedOffline() {
        signIn.signIn(new Credentials(wire.username, wire.password));

        DeskSignIn.Result result = signIn.signIn(new Credentials(wire.username, "guess"));

        assertThat(result).isInstanceOfSatisfying(DeskSignIn.Result.Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo("Wrong username or password (detail)"));
    }

    @Test
    void aClientWithoutSessionLogsInWithTheCredentialsOfAnOfflineSignInOnceTheServerAnswers() {
        client.loginWhenNeeded(new Credentials(wire.username, wire.password));

        client.pull(null, 10);

        assertThat(client.session()).map(s -> s.user().id()).contains(wire.userId);
    }

    @Test
    void whileTheServerStartsAUserSeenOnlineBeforeIsSignedInFromTheCacheWithoutWaiting() {
        signIn.signIn(new Credentials(wire.username, wire.password));
        server.close();
        java.util.concurrent.atomic.AtomicBoolean waited = new java.util.concurrent.atomic.AtomicBoolean();

        DeskSignIn.Result result = signIn.signInWhileServerStarts(new Credentials(wire.username, wire.password),
                () -> waited.set(true));

        assertThat(result).isEqualTo(new DeskSignIn.Result.Offline(new SignedInUser(wire.userId, wire.username, Role.FRONT_DESK)));
        assertThat(waited).isFalse();
    }

    @Test
    void whileTheServerStartsAUserTheCacheCannotConfirmWaitsForTheServerAndSignsInOnline() {
        java.util.concurrent.atomic.AtomicBoolean waited = new java.util.concurrent.atomic.AtomicBoolean();

        DeskSignIn.Result result = signIn.signInWhileServerStarts(new Credentials(wire.username, wire.password),
                () -> waited.set(true));

        assertThat(waited).isTrue();
        assertThat(result).isInstanceOf(DeskSignIn.Result.Online.class);
    }
}
