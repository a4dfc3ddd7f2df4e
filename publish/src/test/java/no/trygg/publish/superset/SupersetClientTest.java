package no.trygg.publish.superset;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our error handling and retries against a stand-in HTTP server on 127.0.0.1 (not Superset itself). */
class SupersetClientTest {

    private HttpServer server;
    private String url;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> importBodies = new CopyOnWriteArrayList<>();

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
        String query = x.getRequestURI().getRawQuery();
        calls.computeIfAbsent(x.getRequestMethod() + " " + path, k -> new AtomicInteger()).incrementAndGet();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        switch (path) {
            case "/api/v1/security/login" -> {
                if (body.contains("\"password\":\"wrong\"")) reply(x, 401, "{\"message\":\"Not authorized\"}");
                else reply(x, 200, "{\"access_token\":\"T\",\"refresh_token\":\"R\"}");
            }
            case "/api/v1/security/csrf_token/" -> {
                x.getResponseHeaders().add("Set-Cookie", "session=S; Path=/; HttpOnly");
                reply(x, 200, "{\"result\":\"C\"}");
            }
            case "/api/v1/assets/import/" -> {
                String ok = "Bearer T".equals(x.getRequestHeaders().getFirst("Authorization"))
                        && "C".equals(x.getRequestHeaders().getFirst("X-CSRFToken"))
                        && "session=S".equals(x.getRequestHeaders().getFirst("Cookie"))
                        && x.getRequestHeaders().getFirst("Referer") != null ? "ok" : "missing headers";
                importBodies.add(ok + "\n" + body);
                if (body.contains("BROKEN")) {
                    reply(x, 422, "{\"errors\":[{\"message\":\"Error importing assets\",\"error_type\":\"GENERIC_COMMAND_ERROR\","
                            + "\"extra\":{\"databases/Trygg.yaml\":{\"sqlalchemy_uri\":[\"Invalid URI\"]},\"issue_codes\":[{\"code\":1010}]}}]}");
                } else if (body.contains("BUSY")) {
                    reply(x, 502, "<html><body>Bad gateway</body></html>");
                } else {
                    reply(x, 200, "{\"message\":\"OK\"}");
                }
            }
            case "/api/v1/chart/" -> {
                int page = Integer.parseInt(query.replaceAll(".*page%3A(\\d+).*", "$1"));
                reply(x, 200, page == 0 ? "{\"count\":3,\"result\":[{\"id\":1},{\"id\":2}]}" : "{\"count\":3,\"result\":[{\"id\":3}]}");
            }
            case "/api/v1/flaky" -> reply(x, 503, "{\"message\":\"try later\"}");
            case "/api/v1/broken" -> reply(x, 500, "{\"errors\":[{\"message\":\"Import failed for an unknown reason\"}]}");
            default -> reply(x, 404, "{\"message\":\"Not found\"}");
        }
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/html");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    private SupersetClient login() {
        return SupersetClient.login(url, "admin", "pw", Duration.ofMillis(1));
    }

    private int count(String call) {
        return calls.getOrDefault(call, new AtomicInteger()).get();
    }

    @Test
    void wrongPasswordIsSaidPlainly() {
        SupersetException e = assertThrows(SupersetException.class, () -> SupersetClient.login(url, "admin", "wrong", Duration.ofMillis(1)));
        assertEquals(401, e.status());
        assertEquals("wrong user name or password for Superset at " + url + " (user admin)", e.getMessage());
        assertEquals(1, count("POST /api/v1/security/login"), "a refused login is not retried");
    }

    @Test
    void nobodyListeningMeansStartIt() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SupersetException e = assertThrows(SupersetException.class,
                () -> SupersetClient.login("http://127.0.0.1:" + port, "admin", "pw", Duration.ofMillis(1)));
        assertEquals(0, e.status());
        assertTrue(e.getMessage().startsWith("Superset does not answer at http://127.0.0.1:" + port
                + ": start it with bin/trygg superset start"), e.getMessage());
    }

    @Test
    void readsAreRetriedThreeTimesOnGatewayTrouble() {
        SupersetException e = assertThrows(SupersetException.class, () -> login().get("/api/v1/flaky"));
        assertEquals(503, e.status());
        assertEquals("GET", e.method());
        assertEquals("/api/v1/flaky", e.path());
        assertEquals("GET /api/v1/flaky: Superset at " + url + " failed with HTTP 503: try later", e.getMessage());
        assertEquals(3, count("GET /api/v1/flaky"));
    }

    @Test
    void serverErrorsAreNotRetriedAndCarrySupersetsMessage() {
        SupersetException e = assertThrows(SupersetException.class, () -> login().get("/api/v1/broken"));
        assertEquals(500, e.status());
        assertTrue(e.getMessage().endsWith("HTTP 500: Import failed for an unknown reason"), e.getMessage());
        assertEquals(1, count("GET /api/v1/broken"));
    }

    @Test
    void notFoundIsNamed() {
        SupersetException e = assertThrows(SupersetException.class, () -> login().chartData(999));
        assertEquals(404, e.status());
        assertEquals("GET /api/v1/chart/999/data/: not found in Superset at " + url + ": Not found", e.getMessage());
    }

    @Test
    void importSendsTokenCsrfCookieAndPasswords() {
        Map<String, Object> answer = login().importBundle("PK-zip".getBytes(StandardCharsets.UTF_8), Map.of("databases/Trygg.yaml", "s3cret"));
        assertEquals(Map.of("message", "OK"), answer);
        String sent = importBodies.get(0);
        assertTrue(sent.startsWith("ok\n"), sent);
        assertTrue(sent.contains("name=\"bundle\"; filename=\"bundle.zip\"\r\nContent-Type: application/zip\r\n\r\nPK-zip\r\n"), sent);
        assertTrue(sent.contains("name=\"passwords\"\r\n\r\n{\"databases/Trygg.yaml\":\"s3cret\"}\r\n"), sent);
    }

    @Test
    void importIsNeverRetriedAndNamesTheFailingFile() {
        SupersetClient client = login();
        SupersetException busy = assertThrows(SupersetException.class, () -> client.importBundle("BUSY".getBytes(StandardCharsets.UTF_8), Map.of()));
        assertEquals(502, busy.status());
        assertTrue(busy.getMessage().endsWith("HTTP 502: Bad gateway"), busy.getMessage());
        assertEquals(1, count("POST /api/v1/assets/import/"));

        SupersetException invalid = assertThrows(SupersetException.class, () -> client.importBundle("BROKEN".getBytes(StandardCharsets.UTF_8), Map.of()));
        assertEquals(422, invalid.status());
        assertEquals("POST /api/v1/assets/import/: Superset at " + url + " failed with HTTP 422: Error importing assets; "
                + "databases/Trygg.yaml: {\"sqlalchemy_uri\":[\"Invalid URI\"]}", invalid.getMessage());
    }

    @Test
    void listFollowsPagesUntilCount() {
        List<Map<String, Object>> charts = login().list("chart");
        assertEquals(List.of(1, 2, 3), charts.stream().map(c -> c.get("id")).toList());
        assertEquals(2, count("GET /api/v1/chart/"));
    }
}
