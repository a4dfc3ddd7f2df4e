package no.trygg.publish.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Airflow 3's REST API ({@code /api/v2}) as one user of the simple auth manager (JWT bearer token from
 * {@code /auth/token}). Reads are retried when Airflow is briefly away (connection errors, 502/503/504);
 * writes (trigger, pause, backfill) never are, so nothing is done twice.
 */
public final class AirflowClient {

    static final String LOGIN = "/auth/token";
    private static final String API = "/api/v2";
    private static final int TRIES = 3;
    private static final int PAGE_SIZE = 100;
    private static final Set<Integer> PASSING_TROUBLE = Set.of(502, 503, 504);
    private static final Set<String> FINISHED = Set.of("success", "failed");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A DAG run; dates are Airflow's ISO-8601 texts, null while not reached. */
    public record DagRun(String dagId, String runId, String state, String runType, String logicalDate,
                         String queuedAt, String startDate, String endDate) {

        public boolean finished() {
            return FINISHED.contains(state);
        }
    }

    /** One task of a run; {@code state} is null before the scheduler looks at it. */
    public record TaskInstance(String taskId, int mapIndex, String state, int tryNumber, String startDate, String endDate) {
    }

    /** A backfill and the runs it has created so far. */
    public record Backfill(long id, String dagId, String fromDate, String toDate, String completedAt, boolean paused,
                           List<DagRun> runs) {

        public boolean completed() {
            return completedAt != null;
        }
    }

    private final String baseUrl;
    private final HttpClient http;
    private final Duration backoff;
    private final Duration poll;
    private String accessToken;

    private AirflowClient(String baseUrl, Duration backoff, Duration poll) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.backoff = backoff;
        this.poll = poll;
        // HTTP/1.1: uvicorn answers 400 to the HTTP/2 upgrade Java offers on plain http.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in with the simple auth manager; throws an {@link AirflowException} saying why not. */
    public static AirflowClient login(String baseUrl, String user, String password) {
        return login(baseUrl, user, password, Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    static AirflowClient login(String baseUrl, String user, String password, Duration backoff, Duration poll) {
        AirflowClient client = new AirflowClient(baseUrl, backoff, poll);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user);
        body.put("password", password);
        HttpResponse<String> r = client.send(client.request(LOGIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build(), true);
        if (r.statusCode() == 401 || r.statusCode() == 403) throw AirflowErrors.wrongLogin(client.baseUrl, user);
        JsonNode token = client.check(r, null).path("access_token");
        if (!token.isTextual()) {
            throw new AirflowException(r.statusCode(), "POST", LOGIN, "Airflow at " + client.baseUrl + " answered the login without a token", null);
        }
        client.accessToken = token.asText();
        return client;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Starts a run now.
     *
     * @param logicalDate null for a run without a logical date (Airflow 3's default for manual runs), else ISO-8601
     * @return the run id
     */
    public String trigger(String dagId, Map<String, Object> conf, String logicalDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("logical_date", logicalDate);
        body.put("conf", conf);
        return write("POST", dag(dagId) + "/dagRuns", body, dagId).path("dag_run_id").asText();
    }

    public DagRun run(String dagId, String runId) {
        return dagRun(get(dag(dagId) + "/dagRuns/" + enc(runId), dagId));
    }

    /**
     * Polls the run until it has succeeded or failed, telling {@code progress} each change of the run's state
     * and of its tasks' states. Throws an {@link AirflowException} when it is not finished within {@code timeout}.
     */
    public DagRun waitFor(String dagId, String runId, Duration timeout, Consumer<String> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastState = null;
        Map<String, String> taskStates = new LinkedHashMap<>();
        while (true) {
            DagRun run = run(dagId, runId);
            if (!run.state().equals(lastState)) {
                progress.accept("run " + runId + ": " + run.state());
                lastState = run.state();
            }
            for (TaskInstance t : taskInstances(dagId, runId)) {
                String key = t.mapIndex() >= 0 ? t.taskId() + "[" + t.mapIndex() + "]" : t.taskId();
                String state = t.state() == null ? "none" : t.state();
                if (!state.equals(taskStates.put(key, state)) && t.state() != null) {
                    progress.accept("  " + key + ": " + state + (t.tryNumber() > 1 ? " (try " + t.tryNumber() + ")" : ""));
                }
            }
            if (run.finished()) return run;
            if (System.nanoTime() > deadline) {
                throw new AirflowException(0, "GET", dag(dagId) + "/dagRuns/" + runId, "run " + runId + " of " + dagId
                        + " is still " + run.state() + " after " + timeout.toSeconds() + " s", null);
            }
            sleep(poll);
        }
    }

    public List<TaskInstance> taskInstances(String dagId, String runId) {
        List<TaskInstance> all = new ArrayList<>();
        for (JsonNode t : pages(dag(dagId) + "/dagRuns/" + enc(runId) + "/taskInstances", "task_instances", dagId)) {
            all.add(new TaskInstance(t.path("task_id").asText(), t.path("map_index").asInt(-1), text(t, "state"),
                    t.path("try_number").asInt(0), text(t, "start_date"), text(t, "end_date")));
        }
        return all;
    }

    /** The plain text of one try's log, as the task wrote it (Airflow keeps it as JSON lines; events are joined). */
    public String log(String dagId, String runId, String taskId, int tryNumber) {
        JsonNode answer = get(dag(dagId) + "/dagRuns/" + enc(runId) + "/taskInstances/" + enc(taskId) + "/logs/" + tryNumber
                + "?full_content=true", dagId);
        return AirflowLogs.text(answer.path("content"));
    }

    public void pause(String dagId, boolean paused) {
        write("PATCH", dag(dagId) + "?update_mask=is_paused", Map.of("is_paused", paused), dagId);
    }

    /**
     * Creates runs for every scheduled day (per the DAG's schedule) from {@code from} to {@code to}, both included;
     * days that already have a run are left alone (reprocess behaviour "none").
     */
    public Backfill backfill(String dagId, LocalDate from, LocalDate to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dag_id", dagId);
        body.put("from_date", from + "T00:00:00Z");
        body.put("to_date", to + "T23:59:59Z"); // the last day's run at any time of day is inside the range
        body.put("reprocess_behavior", "none");
        body.put("max_active_runs", 1);
        body.put("run_backwards", false);
        body.put("dag_run_conf", Map.of());
        return backfill(write("POST", API + "/backfills", body, dagId));
    }

    public Backfill backfillState(long id) {
        return backfill(get(API + "/backfills/" + id, null));
    }

    /** Names of the DAG files that failed to parse, each with the end of its error. */
    public List<String> importErrors() {
        List<String> errors = new ArrayList<>();
        for (JsonNode e : pages(API + "/importErrors", "import_errors", null)) {
            errors.add(e.path("filename").asText() + ": " + lastLines(e.path("stack_trace").asText(), 4));
        }
        return errors;
    }

    /** The DAG ids Airflow knows, sorted. */
    public List<String> dags() {
        return pages(API + "/dags?order_by=dag_id", "dags", null).stream().map(d -> d.path("dag_id").asText()).toList();
    }

    /** The files Airflow has parsed: those of its DAGs and those with import errors. */
    Set<String> parsedFiles() {
        Set<String> files = new LinkedHashSet<>();
        pages(API + "/dags", "dags", null).forEach(d -> files.add(d.path("fileloc").asText()));
        pages(API + "/importErrors", "import_errors", null).forEach(e -> files.add(e.path("filename").asText()));
        return files;
    }

    private Backfill backfill(JsonNode b) {
        String dagId = b.path("dag_id").asText();
        String from = text(b, "from_date");
        String to = text(b, "to_date");
        List<DagRun> runs = new ArrayList<>();
        for (JsonNode r : pages(dag(dagId) + "/dagRuns?run_type=backfill&order_by=logical_date&logical_date_gte=" + enc(from)
                + "&logical_date_lte=" + enc(to), "dag_runs", dagId)) {
            runs.add(dagRun(r));
        }
        return new Backfill(b.path("id").asLong(), dagId, from, to, text(b, "completed_at"), b.path("is_paused").asBoolean(), runs);
    }

    private static DagRun dagRun(JsonNode r) {
        return new DagRun(r.path("dag_id").asText(), r.path("dag_run_id").asText(), r.path("state").asText(), text(r, "run_type"),
                text(r, "logical_date"), text(r, "queued_at"), text(r, "start_date"), text(r, "end_date"));
    }

    /** Every item of a paged list ({@code limit}/{@code offset}, {@code total_entries}). */
    private List<JsonNode> pages(String path, String field, String dagId) {
        List<JsonNode> all = new ArrayList<>();
        String sep = path.contains("?") ? "&" : "?";
        while (true) {
            JsonNode answer = get(path + sep + "limit=" + PAGE_SIZE + "&offset=" + all.size(), dagId);
            JsonNode items = answer.path(field);
            items.forEach(all::add);
            if (items.isEmpty() || all.size() >= answer.path("total_entries").asLong(all.size())) return all;
        }
    }

    private JsonNode get(String path, String dagId) {
        return check(send(request(path).header("Authorization", "Bearer " + accessToken).GET().build(), true), dagId);
    }

    private JsonNode write(String method, String path, Object body, String dagId) {
        return check(send(request(path).header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json(body))).build(), false), dagId);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).header("Accept", "application/json");
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
                // A refused or slow connection sent nothing: safe to retry even a write.
                boolean connect = e instanceof HttpConnectTimeoutException;
                if (connect && attempt < TRIES) {
                    pause(attempt);
                    continue;
                }
                throw connect ? AirflowErrors.notAnswering(baseUrl, method, path, e)
                        : new AirflowException(0, method, path, method + " " + path + ": Airflow at " + baseUrl + " did not answer within "
                                + TIMEOUT.toSeconds() + " s", e);
            } catch (ConnectException e) {
                if (attempt == TRIES) throw AirflowErrors.notAnswering(baseUrl, method, path, e);
            } catch (IOException e) {
                if (last) throw new AirflowException(0, method, path, method + " " + path + " to Airflow at " + baseUrl + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AirflowException(0, method, path, "Interrupted while talking to Airflow", e);
            }
            pause(attempt);
        }
    }

    private JsonNode check(HttpResponse<String> r, String dagId) {
        String method = r.request().method();
        String path = pathOf(r.request());
        if (r.statusCode() == 404 && dagId != null && !dagExists(dagId)) {
            throw AirflowErrors.unknownDag(baseUrl, method, path, dagId, dags());
        }
        if (r.statusCode() / 100 != 2) throw AirflowErrors.of(baseUrl, method, path, r.statusCode(), r.body());
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AirflowException(r.statusCode(), method, path, method + " " + path + ": Airflow at " + baseUrl
                    + " answered with something other than JSON: " + AirflowErrors.message(r.body()), e);
        }
    }

    private boolean dagExists(String dagId) {
        return send(request(dag(dagId)).header("Authorization", "Bearer " + accessToken).GET().build(), true).statusCode() != 404;
    }

    private String pathOf(HttpRequest request) {
        return request.uri().toString().substring(baseUrl.length());
    }

    private void pause(int attempt) {
        sleep(backoff.multipliedBy(1L << (attempt - 1)));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AirflowException(0, "", "", "Interrupted while waiting for Airflow", e);
        }
    }

    private static String dag(String dagId) {
        return API + "/dags/" + enc(dagId);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }

    private static String lastLines(String s, int n) {
        List<String> lines = s.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
