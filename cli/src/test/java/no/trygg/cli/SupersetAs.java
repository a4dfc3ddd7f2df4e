package no.trygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Superset's REST API as one user, the raw way a user's own script would call it: status codes and bodies, so a
 * test sees exactly what that user is allowed and refused. Writes carry the CSRF token, so a refusal is about
 * permissions, not a missing token.
 */
final class SupersetAs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
    private final String token;

    private SupersetAs(String url, String token) {
        this.url = url;
        this.token = token;
    }

    /** Nobody logged in. */
    static SupersetAs anonymous(String url) {
        return new SupersetAs(url, null);
    }

    static SupersetAs login(String url, String user, String password) throws Exception {
        SupersetAs anonymous = anonymous(url);
        HttpResponse<String> r = anonymous.send("POST", "/api/v1/security/login", JSON.writeValueAsString(java.util.Map.of(
                "username", user, "password", password, "provider", "db")));
        assertEquals(200, r.statusCode(), "login as " + user + ": " + r.body());
        return new SupersetAs(url, JSON.readTree(r.body()).get("access_token").asText());
    }

    /** The HTTP status of a request with an optional JSON body. */
    int status(String method, String path, String body) throws Exception {
        return send(method, path, body).statusCode();
    }

    /** The JSON answer of a GET that must succeed. */
    JsonNode get(String path) throws Exception {
        HttpResponse<String> r = send("GET", path, null);
        assertEquals(200, r.statusCode(), "GET " + path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(3))
                .header("Accept", "application/json").header("Referer", url + "/");
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (!method.equals("GET") && token != null) b.header("X-CSRFToken", csrfToken());
        if (body != null) b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrfToken() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/security/csrf_token/"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? JSON.readTree(r.body()).get("result").asText() : "";
    }
}
