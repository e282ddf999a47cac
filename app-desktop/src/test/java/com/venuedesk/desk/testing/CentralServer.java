package com.venuedesk.desk.testing;

import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.net.URI;
import java.nio.file.Path;

/**
 * A real central server (H2 under one data dir, demo venue) that a desk is configured with by URL, so that a test can
 * take it away and bring it back on the same port with the same data: an outage as the desk sees it. It can also run
 * on another port meanwhile, where other clients reach it and the desk does not (a desk cut off from the network).
 */
public final class CentralServer implements AutoCloseable {
    private final ServerConfig config;
    private final int deskPort;
    private VenueDeskServer running;
    /** Signed once: the server keeps its token key in the database, and it limits how often one address signs in. */
    private String adminToken;

    private CentralServer(ServerConfig config, VenueDeskServer first) {
        this.config = config;
        this.running = first;
        this.deskPort = first.port();
    }

    /** Starts the demo venue's server on a free port; that port is the one desks are given. */
    public static CentralServer startDemo(Path dataDir) {
        ServerConfig config = ServerUnderTest.config(ServerUnderTest.Db.H2, dataDir).withDemo(true);
        return new CentralServer(config, VenueDeskServer.start(config));
    }

    /** The address desks are configured with. */
    public URI deskUrl() {
        return URI.create("http://127.0.0.1:" + deskPort);
    }

    /** Stops the server: the desk's address stops answering. */
    public void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** Starts it again on the desk's port with the same data. */
    public void start() {
        stop();
        running = VenueDeskServer.start(config.withPort(deskPort));
    }

    /** Starts it, with the same data, on another free port only: other clients reach it there, desks do not. */
    public URI startOutOfTheDesksReach() {
        stop();
        running = VenueDeskServer.start(config.withPort(0));
        return running.baseUri();
    }

    /** A client of the running server signed in as {@code username}. */
    public ApiClient signIn(String username, String password) {
        return new ApiClient(running.baseUri()).login(username, password);
    }

    /** A client of the running server signed in as the administrator. */
    public ApiClient admin() {
        if (adminToken == null) {
            ApiClient.Reply reply = new ApiClient(running.baseUri()).post("/api/v1/auth/login",
                    java.util.Map.of("username", "admin", "password", ServerUnderTest.ADMIN_PASSWORD));
            if (reply.status() != 200) {
                throw new IllegalStateException("admin login failed: " + reply.status() + " " + reply.body());
            }
            adminToken = reply.json().get("accessToken").asText();
        }
        return new ApiClient(running.baseUri()).withToken(adminToken);
    }

    @Override
    public void close() {
        stop();
    }
}
