package com.venuedesk.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import com.venuedesk.server.wire.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Jetty answers on its own, before a request reaches a route, is RFC 9457 problem+json like every other answer,
 * and names nothing of the server's insides. Sent over a raw socket, so that no client library tidies the request.
 */
class JettyAnswersIT {

    @Test
    void requestsJettyRefusesBeforeRoutingAreAnsweredAsProblemDocuments(@TempDir Path dir) throws Exception {
        try (VenueDeskServer server = ServerUnderTest.start(ServerUnderTest.Db.H2, dir)) {
            Venue venue = new Venue(server);
            String token = venue.admin.post("/api/v1/auth/login",
                    "{\"username\":\"admin\",\"password\":\"" + ServerUnderTest.ADMIN_PASSWORD + "\"}").json()
                    .get("accessToken").asText();
            int port = server.port();
            Map<String, String> requests = new java.util.LinkedHashMap<>();
            requests.put("NUL in an id", "GET /api/v1/bookings/ab%00cd HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + token + "\r\n\r\n");
            requests.put("bad percent-encoding", "GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\n\r\n");
            requests.put("10 kB Authorization header", "GET /api/v1/auth/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + "a".repeat(10_000) + "\r\n\r\n");
            requests.put("URI too long", "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            requests.put("garbage request line", "GARBAGE\r\n\r\n");
            requests.put("unknown HTTP version", "GET /health HTTP/9.9\r\nHost: x\r\n\r\n");
            requests.put("malformed Content-Length", "POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n");
            requests.put("unknown method", "BREW /health HTTP/1.1\r\nHost: x\r\n\r\n");
            requests.put("body too large", "POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1200000\r\n\r\n" + " ".repeat(1_200_000));
            requests.put("body shorter than announced", "POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"name\":");
            requests.put("method not allowed on a route", "DELETE /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n\r\n");

            for (Map.Entry<String, String> request : requests.entrySet()) {
                RawReply reply = send(port, request.getValue());
                assertThat(reply.status()).as(request.getKey() + ": " + reply.text()).isBetween(400, 599).isNotEqualTo(500);
                assertThat(reply.header("content-type")).as(request.getKey() + ": " + reply.text())
                        .startsWith("application/problem+json");
                JsonNode problem = Json.newMapper().readTree(reply.body());
                assertThat(problem.get("type").asText()).as(request.getKey()).startsWith(ProblemMapper.TYPE_BASE);
                assertThat(problem.get("status").asInt()).as(request.getKey()).isEqualTo(reply.status());
                assertThat(problem.has("title")).as(request.getKey()).isTrue();
                assertThat(reply.text().toLowerCase(Locale.ROOT)).as(request.getKey())
                        .doesNotContain("jetty").doesNotContain("<html").doesNotContain("org.eclipse")
                        .doesNotContain("badmessage").doesNotContain("exception");
            }
            assertThat(send(port, requests.get("10 kB Authorization header")).status()).isEqualTo(431);
            assertThat(send(port, requests.get("NUL in an id")).status()).isEqualTo(400);

            ApiClient.Reply stillThere = venue.admin.get("/health");
            assertThat(stillThere.status()).isEqualTo(200);
        }
    }

    private record RawReply(int status, Map<String, String> headers, String body, String text) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    private static RawReply send(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                socket.shutdownOutput();
            } catch (IOException closedEarly) {
                // the server may answer and close before it has read all of a body it refuses
            }
            String text = readAnswer(socket.getInputStream());
            // skip an interim "100 Continue"
            while (text.startsWith("HTTP/1.1 1")) {
                text = text.substring(text.indexOf("\r\n\r\n") + 4);
            }
            int headersEnd = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, headersEnd).split("\r\n");
            Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return new RawReply(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(headersEnd + 4), text);
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.write(buffer, 0, n);
                String sofar = answer.toString(StandardCharsets.ISO_8859_1);
                int end = sofar.lastIndexOf("\r\n\r\n");
                int length = contentLength(sofar);
                if (end >= 0 && length >= 0 && !sofar.startsWith("HTTP/1.1 1") && sofar.length() >= end + 4 + length) {
                    break;
                }
            }
        } catch (IOException reset) {
            // the server closed the connection after its answer
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private static int contentLength(String sofar) {
        int at = sofar.toLowerCase(Locale.ROOT).lastIndexOf("content-length:");
        if (at < 0) {
            return -1;
        }
        int lineEnd = sofar.indexOf("\r\n", at);
        return lineEnd < 0 ? -1 : Integer.parseInt(sofar.substring(at + 15, lineEnd).trim());
    }
}
