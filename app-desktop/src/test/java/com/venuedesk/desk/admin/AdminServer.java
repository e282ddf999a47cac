package com.venuedesk.desk.admin;

import com.venuedesk.desk.sync.SyncClient;
import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A scripted HTTP server standing in for the central server's admin API (the server's resources API lives on another
 * branch), with a desk {@link SyncClient} signed in to it as a manager.
 */
final class AdminServer implements AutoCloseable {
    static final String LOGIN = "{\"accessToken\":\"access-1\",\"refreshToken\":\"refresh-1\",\"expiresAt\":\"2026-12-01T09:00:00Z\","
            + "\"user\":{\"id\":\"6f1c1a3e-3f6a-4d8e-9a55-0b3c7d1e2f40\",\"username\":\"manager\",\"role\":\"MANAGER\"}}";

    final MockWebServer http = new MockWebServer();
    final SyncClient sync;
    final AdminClient client;

    AdminServer() throws IOException, InterruptedException {
        http.start();
        sync = new SyncClient(http.url("/").toString());
        answer(200, LOGIN);
        sync.login("manager", "manager-password");
        http.takeRequest();
        client = new AdminClient(sync);
    }

    void answer(int status, String json) {
        http.enqueue(new MockResponse.Builder().code(status).body(json)
                .addHeader("Content-Type", status >= 400 ? "application/problem+json" : "application/json").build());
    }

    RecordedRequest request() throws InterruptedException {
        return http.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        sync.close();
        http.close();
    }
}
