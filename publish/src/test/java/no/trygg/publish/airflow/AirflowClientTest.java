package no.trygg.publish.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our error handling, retries and parsing against a stand-in HTTP server on 127.0.0.1 (not Airflow itself). */
class AirflowClientTest {

    private HttpServer server;
    private String url;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getRawPath();
        calls.computeIfAbsent(x.getRequestMethod() + " " + path, k -> new AtomicInteger()).incrementAndGet();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean authorised = "Bearer T".equals(x.getRequestHeaders().getFirst("Authorization"));
        switch (path) {
            case "/auth/token" -> {
                if (body.contains("\"password\":\"wrong\"")) reply(x, 401, "{\"detail\":\"Invalid credentials\"}");
                else reply(x, 201, "{\"access_token\":\"T\"}");
            }
            case "/api/v2/dags" -> reply(x, authorised ? 200 : 401, "{\"dags\":[{\"dag_id\":\"a\"},{\"dag_id\":\"b\"}],\"total_entries\":2}");
            case "/api/v2/dags/a/dagRuns" -> {
                if (x.getRequestMethod().equals("POST") && body.contains("\"logical_date\":null")) {
                    reply(x, 200, "{\"dag_run_id\":\"manual__1\",\"state\":\"queued\"}");
                } else {
                    reply(x, 422, "{\"detail\":[{\"loc\":[\"body\",\"logical_date\"],\"msg\":\"Field required\"}]}");
                }
            }
            case "/api/v2/dags/a/dagRuns/manual__1/taskInstances/t/logs/1" -> reply(x, 200,
                    "{\"content\":[{\"sources\":[\"/logs/attempt=1.log\"]},{\"timestamp\":\"2026-01-01T00:00:00Z\",\"level\":\"error\","
                            + "\"logger\":\"task\",\"event\":\"boom\"}],\"continuation_token\":null}");
            case "/api/v2/dags/a" -> reply(x, 200, "{\"dag_id\":\"a\",\"is_paused\":false}");
            case "/api/v2/importErrors" -> reply(x, 503, "<html>busy</html>");
            case "/api/v2/backfills" -> reply(x, 502, "<html>bad gateway</html>");
            default -> reply(x, 404, "{\"detail\":\"Not found\"}");
        }
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", body.startsWith("<") ? "text/html" : "application/json");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    private AirflowClient login() {
        return AirflowClient.login(url, "admin", "right", Duration.ofMillis(10), Duration.ofMillis(10));
    }

    @Test
    void wrongPasswordIsSaidPlainly() {
        var e = assertThrows(AirflowException.class, () -> AirflowClient.login(url, "admin", "wrong", Duration.ofMillis(10), Duration.ofMillis(10)));
        assertEquals("wrong user name or password for Airflow at " + url + " (user admin)", e.getMessage());
    }

    @Test
    void unknownDagNamesTheKnownOnes() {
        var e = assertThrows(AirflowException.class, () -> login().trigger("nope", Map.of(), null));
        assertEquals("no DAG named nope in Airflow at " + url + "; DAGs: a, b", e.getMessage());
    }

    @Test
    void triggerSendsANullLogicalDateAndReturnsTheRunId() {
        assertEquals("manual__1", login().trigger("a", Map.of("k", "v"), null));
    }

    @Test
    void validationErrorsNameTheField() {
        var e = assertThrows(AirflowException.class, () -> login().trigger("a", Map.of(), "2026-01-01T00:00:00Z"));
        assertTrue(e.getMessage().contains("body.logical_date: Field required"), e.getMessage());
        assertEquals(422, e.status());
    }

    @Test
    void structuredLogBecomesText() {
        assertEquals("(log from /logs/attempt=1.log)\n[2026-01-01T00:00:00Z] ERROR task: boom", login().log("a", "manual__1", "t", 1));
    }

    @Test
    void readsAreRetriedWritesAreNot() {
        AirflowClient client = login();
        var read = assertThrows(AirflowException.class, client::importErrors);
        assertEquals(503, read.status());
        assertEquals(3, calls.get("GET /api/v2/importErrors").get());
        var write = assertThrows(AirflowException.class, () -> client.backfill("a", java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 1, 3)));
        assertEquals(502, write.status());
        assertEquals(1, calls.get("POST /api/v2/backfills").get());
    }

    @Test
    void unreachableSaysHowToStart() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var e = assertThrows(AirflowException.class, () -> AirflowClient.login("http://127.0.0.1:" + port, "admin", "x", Duration.ofMillis(10), Duration.ofMillis(10)));
        assertTrue(e.getMessage().startsWith("Airflow does not answer at http://127.0.0.1:" + port + ": start it with bin/trygg airflow start"), e.getMessage());
        assertEquals(0, e.status());
    }
}
