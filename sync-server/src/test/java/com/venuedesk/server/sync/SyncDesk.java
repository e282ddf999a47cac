package com.venuedesk.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.MutationOutcome;
import com.venuedesk.model.sync.PushRequest;
import com.venuedesk.model.sync.PushResponse;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.wire.Json;
import java.util.List;

/** A desk as the sync tests see it: pushes and pulls over real HTTP with its own device id. */
final class SyncDesk {
    private final ObjectMapper json = Json.newMapper();
    final ApiClient client;
    final String deviceId;

    SyncDesk(ApiClient client, String deviceId) {
        this.client = client;
        this.deviceId = deviceId;
    }

    List<MutationOutcome> push(Mutation... mutations) {
        ApiClient.Reply reply = client.post("/api/v1/sync/push", new PushRequest(deviceId, List.of(mutations)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return read(reply.body(), PushResponse.class).outcomes();
    }

    PullAnswer pull(String since, int limit) {
        ApiClient.Reply reply = client.get("/api/v1/sync/pull?limit=" + limit + (since == null ? "" : "&since=" + since));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return read(reply.body(), PullAnswer.class);
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts rows of a table straight from the database. */
    static long count(VenueDeskServer server, String table) {
        return server.database().inTransaction(session -> ((Number) session
                .createNativeQuery("SELECT COUNT(*) FROM " + table, Object.class).getSingleResult()).longValue());
    }
}
