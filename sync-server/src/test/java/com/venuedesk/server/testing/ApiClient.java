package com.venuedesk.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.server.wire.Json;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A small real-HTTP client for tests: JSON in, status + JSON out, optional bearer token. */
public final class ApiClient {
    private static final MediaType JSON = MediaType.get("application/json");
    private final OkHttpClient http;
    private final URI base;
    private final ObjectMapper json = Json.newMapper();
    private String token;
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    public ApiClient(URI base) {
        this(base, new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build());
    }

    public ApiClient(URI base, OkHttpClient http) {
        this.base = base;
        this.http = http;
    }

    public record Reply(int status, String contentType, String body, JsonNode json) { }

    public ApiClient withToken(String accessToken) {
        ApiClient copy = new ApiClient(base, http);
        copy.token = accessToken;
        copy.headers.putAll(headers);
        return copy;
    }

    /** The same client sending one more header on every request (e.g. {@code X-Device-Id}). */
    public ApiClient withHeader(String name, String value) {
        ApiClient copy = withToken(token);
        copy.headers.put(name, value);
        return copy;
    }

    /** Signs in and returns a client that sends the access token. */
    public ApiClient login(String username, String password) {
        Reply r = post("/api/v1/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 200) {
            throw new IllegalStateException("login failed: " + r.status() + " " + r.body());
        }
        return withToken(r.json().get("accessToken").asText());
    }

    public Reply get(String path) {
        return send(new Request.Builder().url(base + path).get());
    }

    public Reply post(String path, String body) {
        return send(new Request.Builder().url(base + path).post(RequestBody.create(body, JSON)));
    }

    public Reply post(String path, Object body) {
        return post(path, write(body));
    }

    public Reply put(String path, String body) {
        return send(new Request.Builder().url(base + path).put(RequestBody.create(body, JSON)));
    }

    public Reply patch(String path, String body) {
        return send(new Request.Builder().url(base + path).patch(RequestBody.create(body, JSON)));
    }

    public Reply delete(String path) {
        return send(new Request.Builder().url(base + path).delete());
    }

    public String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply send(Request.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try (Response response = http.newCall(request.build()).execute()) {
            String body = response.body().string();
            String type = response.header("Content-Type");
            JsonNode node = null;
            if (type != null && type.contains("json") && !body.isEmpty()) {
                node = json.readTree(body);
            }
            return new Reply(response.code(), type, body, node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
