package no.trygg.publish.superset;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Superset's REST API as one logged-in admin (JWT bearer token). Writes also send the CSRF token with
 * the session cookie it belongs to, and a Referer. Reads and the login are retried when Superset is
 * briefly away (connection errors, 502/503/504); the asset import is never retried.
 */
public final class SupersetClient {

    static final String LOGIN = "/api/v1/security/login";
    private static final String CSRF = "/api/v1/security/csrf_token/";
    static final String IMPORT = "/api/v1/assets/import/";
    private static final int TRIES = 3;
    private static final int PAGE_SIZE = 100;
    private static final Set<Integer> PASSING_TROUBLE = Set.of(502, 503, 504);
    private static final Pattern RESOURCE = Pattern.compile("[a-z_]+");
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CHART_DATA_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final String baseUrl;
    private final HttpClient http;
    private final Duration backoff;
    private String accessToken;

    private SupersetClient(String baseUrl, Duration backoff) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.backoff = backoff;
        // The CSRF token is only valid with the session cookie Superset sets when handing it out.
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in as a database user ({@code provider: db}); throws a {@link SupersetException} saying why not. */
    public static SupersetClient login(String baseUrl, String user, String password) {
        return login(baseUrl, user, password, Duration.ofSeconds(1));
    }

    static SupersetClient login(String baseUrl, String user, String password, Duration backoff) {
        SupersetClient client = new SupersetClient(baseUrl, backoff);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user);
        body.put("password", password);
        body.put("provider", "db");
        body.put("refresh", true);
        HttpRequest request = client.request(LOGIN, READ_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build();
        HttpResponse<String> r = client.send(request, true);
        if (r.statusCode() == 401) throw SupersetErrors.wrongLogin(client.baseUrl, user);
        Object token = client.check(r).get("access_token");
        if (!(token instanceof String s)) {
            throw new SupersetException(r.statusCode(), "POST", LOGIN, "Superset at " + client.baseUrl + " answered the login without a token", null);
        }
        client.accessToken = s;
        return client;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Imports a ZIP of YAML assets (databases, datasets, charts, dashboards), overwriting by UUID.
     *
     * @param databasePasswords password per database file in the bundle, e.g. {@code "databases/Trygg.yaml" → secret}
     * @return Superset's answer, {@code {"message": "OK"}}
     */
    public Map<String, Object> importBundle(byte[] zip, Map<String, String> databasePasswords) {
        Multipart form = new Multipart().file("bundle", "bundle.zip", "application/zip", zip);
        if (!databasePasswords.isEmpty()) form.field("passwords", json(databasePasswords));
        HttpRequest request = request(IMPORT, IMPORT_TIMEOUT).header("Authorization", "Bearer " + accessToken)
                .header("X-CSRFToken", csrfToken()).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build();
        return check(send(request, false));
    }

    /** Every item of a list endpoint ("dashboard", "chart", "dataset", "database"), all pages. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String resource) {
        if (!RESOURCE.matcher(resource).matches()) throw new IllegalArgumentException("Not a Superset resource name: " + resource);
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Map<String, Object> answer = get("/api/v1/" + resource + "/?" + Rison.query(Rison.page(PAGE_SIZE, page)));
            List<Map<String, Object>> items = (List<Map<String, Object>>) answer.getOrDefault("result", List.of());
            all.addAll(items);
            long count = answer.get("count") instanceof Number n ? n.longValue() : all.size();
            if (items.isEmpty() || all.size() >= count) return all;
        }
    }

    /** The data of a saved chart, queried by Superset with the chart's saved query context. */
    public Map<String, Object> chartData(int chartId) {
        return get("/api/v1/chart/" + chartId + "/data/", CHART_DATA_TIMEOUT);
    }

    /** Any GET below the base URL, e.g. {@code /api/v1/dashboard/3}; the JSON answer as a map. */
    public Map<String, Object> get(String path) {
        return get(path, READ_TIMEOUT);
    }

    private Map<String, Object> get(String path, Duration timeout) {
        return check(send(request(path, timeout).header("Authorization", "Bearer " + accessToken).GET().build(), true));
    }

    private String csrfToken() {
        Object token = get(CSRF).get("result");
        if (!(token instanceof String s)) throw new SupersetException(200, "GET", CSRF, "Superset at " + baseUrl + " gave no CSRF token", null);
        return s;
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                // Without it Superset answers errors with an HTML page instead of JSON.
                .header("Accept", "application/json")
                // Superset's CSRF protection checks the Referer on writes.
                .header("Referer", baseUrl + "/");
    }

    private HttpResponse<String> send(HttpRequest request, boolean retry) {
        String method = request.method();
        String path = pathOf(request);
        for (int attempt = 1; ; attempt++) {
            boolean last = !retry || attempt == TRIES;
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (last || !PASSING_TROUBLE.contains(r.statusCode())) return r;
            } catch (HttpTimeoutException e) {
                if (e instanceof HttpConnectTimeoutException && !last) {
                    pause(attempt);
                    continue;
                }
                throw new SupersetException(0, method, path, method + " " + path + ": Superset at " + baseUrl + " did not answer within "
                        + request.timeout().map(Duration::toSeconds).orElse(0L) + " s", e);
            } catch (ConnectException e) {
                if (last) throw SupersetErrors.notAnswering(baseUrl, method, path, e);
            } catch (IOException e) {
                if (last) throw new SupersetException(0, method, path, method + " " + path + " to Superset at " + baseUrl + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SupersetException(0, method, path, "Interrupted while talking to Superset", e);
            }
            pause(attempt);
        }
    }

    private Map<String, Object> check(HttpResponse<String> r) {
        String method = r.request().method();
        String path = pathOf(r.request());
        if (r.statusCode() / 100 != 2) throw SupersetErrors.of(baseUrl, method, path, r.statusCode(), r.body());
        try {
            return JSON.readValue(r.body(), OBJECT);
        } catch (IOException e) {
            throw new SupersetException(r.statusCode(), method, path, method + " " + path + ": Superset at " + baseUrl
                    + " answered with something other than a JSON object: " + SupersetErrors.message(r.body()), e);
        }
    }

    private String pathOf(HttpRequest request) {
        return request.uri().toString().substring(baseUrl.length());
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(backoff.toMillis() * (1L << (attempt - 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
