package com.venuedesk.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OperationsApiIT {

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void healthSaysUpWhenTheDatabaseAnswersAndMetricsArePrometheusText(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            ApiClient api = new ApiClient(server.baseUri());
            ApiClient.Reply health = api.get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
            assertThat(health.json().at("/database/vendor").asText()).isEqualTo(db.name());

            api.get("/health");
            ApiClient.Reply metrics = api.get("/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.contentType()).startsWith("text/plain");
            assertThat(metrics.body()).contains("venuedesk_http_requests_seconds_count").contains("jvm_memory_used_bytes");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void openApiDescribesEveryRegisteredRoute(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            ApiClient.Reply doc = new ApiClient(server.baseUri()).get("/openapi.json");
            assertThat(doc.status()).isEqualTo(200);
            assertThat(server.routes().routes()).isNotEmpty();
            for (RouteTable.Route route : server.routes().routes()) {
                assertThat(doc.json().at("/paths").path(route.path()).path(route.method().name().toLowerCase()).isObject())
                        .as("%s %s in openapi.json", route.method(), route.path()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void malformedJsonAndUnknownRoutesAnswerProblemJson(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            ApiClient api = new ApiClient(server.baseUri());
            ApiClient.Reply malformed = api.post("/api/v1/auth/login", "{\"username\": ");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.contentType()).startsWith("application/problem+json");
            assertThat(malformed.json().get("type").asText()).endsWith("/malformed-json");

            ApiClient.Reply missing = api.get("/api/v1/nothing-here");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.contentType()).startsWith("application/problem+json");

            ApiClient.Reply wrongPassword = api.post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"nope\"}");
            assertThat(wrongPassword.status()).isEqualTo(401);

            ApiClient.Reply ok = api.post("/api/v1/auth/login",
                    "{\"username\":\"admin\",\"password\":\"" + ServerUnderTest.ADMIN_PASSWORD + "\"}");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.json().at("/user/role").asText()).isEqualTo("ADMIN");
        }
    }
}
