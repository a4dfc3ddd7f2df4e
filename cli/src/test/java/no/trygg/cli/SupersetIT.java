package no.trygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.testing.ChromiumDevTools;
import no.trygg.jobs.testing.HeadlessChromium;
import no.trygg.publish.dashboards.DashboardDefinitions;
import no.trygg.publish.dashboards.DashboardSpec;
import no.trygg.publish.superset.SupersetBundle;
import no.trygg.publish.superset.SupersetClient;
import no.trygg.publish.superset.SupersetServer;
import no.trygg.publish.trino.TrinoServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboards as an analyst meets them: a real Superset 6 from PyPI, installed and started by
 * `trygg superset start`, fed by `trygg publish superset` through the real Trino over the shared warehouse; every
 * dashboard, chart and dataset checked through Superset's API, every chart's query run, a second publish that
 * duplicates nothing, a dashboard rendered in headless Chromium as a logged-in user, and the static page of the
 * same dashboards rendered there too.
 */
@Tag("integration")
class SupersetIT {

    private static final String KEY = SharedWarehouse.KEY;

    @TempDir
    Path dir;

    @Test
    void analystsSeeEveryDashboardPublishedOnceWithChartsThatQuery() throws Exception {
        if (System.getenv("CI") != null) assertTrue(HeadlessChromium.binary().isPresent(), "bin/test installs Chromium");
        assumeTrue(HeadlessChromium.binary().isPresent(), "Chromium not installed");
        SharedWarehouse shared = SharedWarehouse.get();
        int supersetPort = TryggProcess.freePort();
        Path home = shared.home;
        String[] common = TryggProcess.concat(shared.args(), new String[] {"--set", "trygg.superset.port=" + supersetPort});
        TryggConfig config = shared.config(Map.of("trygg.superset.port", String.valueOf(supersetPort)));
        SupersetServer superset = new SupersetServer(config, x -> { });
        String url = "http://127.0.0.1:" + supersetPort;
        List<DashboardSpec> dashboards = DashboardDefinitions.load();
        try {
            TrinoServer trino = shared.trino();
            assertEquals(0, TryggProcess.run(home, KEY, Duration.ofMinutes(15), Map.of(), TryggProcess.concat(new String[] {"superset", "start"}, common)),
                    "superset start (installs Superset into the cache the first time)");
            assertTrue(superset.answering());
            Map<String, String> password = Map.of("TRYGG_SUPERSET_PASSWORD", superset.adminPassword());

            // Wrong password: a clear error, nothing published.
            assertNotEquals(0, TryggProcess.run(home, KEY, Duration.ofMinutes(5), Map.of("TRYGG_SUPERSET_PASSWORD", "not-the-password"),
                    TryggProcess.concat(new String[] {"publish", "superset", "--url", url, "--user", "admin"}, common)));
            assertTrue(TryggProcess.log(home).contains("wrong user name or password"), "says why");

            assertEquals(0, TryggProcess.run(home, KEY, Duration.ofMinutes(5), password,
                    TryggProcess.concat(new String[] {"publish", "superset", "--url", url, "--user", "admin"}, common)), "first publish");
            SupersetClient api = SupersetClient.login(url, "admin", superset.adminPassword());
            Counts first = check(api, dashboards);

            assertEquals(0, TryggProcess.run(home, KEY, Duration.ofMinutes(5), password,
                    TryggProcess.concat(new String[] {"publish", "superset", "--url", url, "--user", "admin"}, common)), "second publish");
            assertEquals(first, check(api, dashboards), "publishing again updates in place: no duplicates");

            screenshot(url, superset.adminPassword(), dashboards.get(0));

            // A viewer (the analysts' role) sees every published dashboard and its data, and is refused the rest.
            String viewerPassword = "viewer-" + Long.toHexString(System.nanoTime()) + "-secret";
            assertEquals(2, TryggProcess.run(home, KEY, TryggProcess.concat(new String[] {"superset", "add-viewer", "--user", "hms"}, common)),
                    "no password in the environment: refused, not defaulted");
            assertEquals(0, TryggProcess.run(home, KEY, Duration.ofMinutes(5), Map.of("TRYGG_SUPERSET_VIEWER_PASSWORD", viewerPassword),
                    TryggProcess.concat(new String[] {"superset", "add-viewer", "--user", "hms"}, common)), "add-viewer");
            viewerSeesAndIsRefused(url, superset.adminPassword(), viewerPassword, dashboards);

            // No secret on the command line of any process of the servers we started (what `ps` shows every user).
            Map<String, String> secrets = Map.of("admin password", superset.adminPassword(), "viewer password", viewerPassword,
                    "pseudonymisation key", KEY, "Superset secret key", Files.readString(home.resolve("superset/secret-key")).trim());
            CommandLines.assertNoSecret("Superset", CommandLines.ofTree(superset.pid().orElseThrow()), secrets);
            CommandLines.assertNoSecret("Trino", CommandLines.ofTree(trino.pid().orElseThrow()), secrets);
            // Nor in any log written under the home: trygg's, Superset's set-up, server and access logs, Trino's.
            try (var files = Files.walk(home)) {
                List<Path> logs = files.filter(f -> f.getFileName().toString().endsWith(".log") && Files.isRegularFile(f)).toList();
                assertTrue(logs.size() >= 4, "logs to look at: " + logs);
                for (Path log : logs) {
                    String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
                    secrets.forEach((name, value) -> assertFalse(text.contains(value), log + " holds the " + name));
                }
            }

            // The same dashboards without Superset: the static page from the same warehouse, in Chromium.
            Path page = dir.resolve("static");
            assertEquals(0, InProcessTrygg.exit(home, KEY, TryggProcess.concat(new String[] {"dashboard", "--out", page.toString()}, common)));
            String dom = HeadlessChromium.dumpDom(page.resolve("index.html"));
            for (DashboardSpec d : dashboards) {
                assertTrue(dom.contains(no.trygg.jobs.html.Html.escape(d.title())), d.title());
            }
            assertTrue(dom.split("<svg", -1).length - 1 >= dashboards.stream().mapToLong(d -> d.charts().stream()
                    .filter(c -> c.kind() != no.trygg.publish.dashboards.ChartKind.TABLE).count()).sum(), "a drawing per chart");
        } finally {
            TryggProcess.run(home, KEY, TryggProcess.concat(new String[] {"superset", "stop"}, common));
        }
        assertFalse(superset.running(), "Superset stopped by its pid");
        shared.assertUnchanged();
    }

    record Counts(int dashboards, int charts, int datasets, int databases) {
    }

    /** Every defined dashboard, chart and dataset exists exactly once, and every chart's query succeeds. */
    private static Counts check(SupersetClient api, List<DashboardSpec> dashboards) {
        List<Map<String, Object>> ds = api.list("dashboard");
        List<Map<String, Object>> charts = api.list("chart");
        List<Map<String, Object>> datasets = api.list("dataset");
        int expectedCharts = 0;
        for (DashboardSpec d : dashboards) {
            assertEquals(1, ds.stream().filter(x -> d.slug().equals(x.get("slug"))).count(), d.slug());
            for (var c : d.charts()) {
                expectedCharts++;
                assertEquals(1, charts.stream().filter(x -> c.title().equals(x.get("slice_name"))).count(), c.title());
                assertEquals(1, datasets.stream().filter(x -> SupersetBundle.datasetName(c).equals(x.get("table_name"))).count(),
                        SupersetBundle.datasetName(c));
            }
        }
        assertEquals(dashboards.size(), ds.size());
        assertEquals(expectedCharts, charts.size());
        int withRows = 0;
        for (Map<String, Object> chart : charts) {
            Map<String, Object> data = api.chartData(((Number) chart.get("id")).intValue());
            List<?> result = (List<?>) data.get("result");
            assertFalse(result.isEmpty(), "chart " + chart.get("slice_name"));
            Object rows = ((Map<?, ?>) result.get(0)).get("rowcount");
            if (rows instanceof Number n && n.intValue() > 0) withRows++;
        }
        assertTrue(withRows >= charts.size() - 2, withRows + " of " + charts.size() + " charts show data on two generated years");
        return new Counts(ds.size(), charts.size(), datasets.size(), api.list("database").size());
    }

    /**
     * As the viewer, from outside: every published dashboard listed and every chart's data served (the positive
     * control), while changing a dashboard, deleting a chart, importing or exporting assets, running SQL and reading
     * the action log are refused. The same writes and the SQL succeed as the admin, so a refusal is the role's doing.
     */
    private static void viewerSeesAndIsRefused(String url, String adminPassword, String viewerPassword, List<DashboardSpec> dashboards)
            throws Exception {
        assertEquals(401, SupersetAs.anonymous(url).status("GET", "/api/v1/dashboard/", null), "not logged in: nothing");
        assertEquals(401, SupersetAs.anonymous(url).status("POST", "/api/v1/security/login",
                "{\"username\": \"hms\", \"password\": \"wrong-password\", \"provider\": \"db\"}"), "wrong password");
        SupersetAs admin = SupersetAs.login(url, "admin", adminPassword);
        SupersetAs viewer = SupersetAs.login(url, "hms", viewerPassword);

        var listed = viewer.get("/api/v1/dashboard/?q=(page_size:100)");
        assertEquals(dashboards.size(), listed.get("count").asInt(), "the viewer sees every published dashboard");
        var charts = viewer.get("/api/v1/chart/?q=(page_size:100)").get("result");
        assertFalse(charts.isEmpty());
        for (var chart : charts) {
            assertEquals(200, viewer.status("GET", "/api/v1/chart/" + chart.get("id").asInt() + "/data/", null),
                    "the viewer gets the data of " + chart.get("slice_name"));
        }
        int dashboard = listed.get("result").get(0).get("id").asInt();
        String title = listed.get("result").get(0).get("dashboard_title").asText();
        int chart = charts.get(0).get("id").asInt();
        int database = admin.get("/api/v1/database/").get("result").get(0).get("id").asInt();
        String rename = "{\"dashboard_title\": " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(title) + "}";
        String sql = "{\"database_id\": " + database + ", \"sql\": \"SELECT 1\", \"runAsync\": false}";
        String export = "/api/v1/dashboard/export/?q=!(" + dashboard + ")";

        assertDenied(viewer.status("PUT", "/api/v1/dashboard/" + dashboard, rename), "change a dashboard");
        assertDenied(viewer.status("DELETE", "/api/v1/chart/" + chart, null), "delete a chart");
        assertDenied(viewer.status("GET", export, null), "export a dashboard with its database connection");
        assertDenied(viewer.status("POST", "/api/v1/sqllab/execute/", sql), "run SQL of their own");
        assertDenied(viewer.status("POST", "/api/v1/dataset/", "{\"database\": " + database
                + ", \"schema\": \"silver\", \"table_name\": \"incidents\"}"), "add a dataset");
        assertDenied(viewer.status("GET", "/api/v1/log/", null), "read the action log");
        assertDenied(viewer.send("POST", "/api/v1/assets/import/", null).statusCode(), "import assets");

        assertEquals(200, admin.status("PUT", "/api/v1/dashboard/" + dashboard, rename), "the same change as the admin");
        assertEquals(200, admin.status("GET", export, null), "the same export as the admin");
        int adminSql = admin.status("POST", "/api/v1/sqllab/execute/", sql);
        assertTrue(adminSql == 200 || adminSql == 202, "the same SQL as the admin: " + adminSql);
        assertEquals(200, admin.status("GET", "/api/v1/log/", null), "the action log as the admin");
        assertEquals(200, viewer.status("GET", "/api/v1/chart/" + chart, null), "the chart the viewer could not delete is there");
    }

    private static void assertDenied(int status, String what) {
        assertTrue(status == 401 || status == 403, "a viewer must not " + what + ": HTTP " + status);
    }

    /** A dashboard in a real browser, logged in as the analyst would be: charts drawn, no error page. */
    private void screenshot(String url, String password, DashboardSpec dashboard) throws Exception {
        String session = browserSession(url, "admin", password);
        try (ChromiumDevTools chromium = ChromiumDevTools.start(1400, 1800)) {
            chromium.setCookie("session", session, url);
            chromium.navigate(url + "/superset/dashboard/" + dashboard.slug() + "/");
            boolean drawn = chromium.waitFor("document.querySelectorAll('.chart-container canvas, .chart-container table').length >= "
                    + dashboard.charts().size(), Duration.ofMinutes(2));
            Thread.sleep(5000); // let the charts' animations finish
            String text = chromium.evaluate("document.body.innerText").asText();
            Path png = dir.resolve("dashboard.png");
            var image = chromium.screenshot(png);
            Files.copy(png, Path.of("target", "superset-" + dashboard.slug() + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertTrue(drawn, "every chart drew: " + text);
            assertEquals(dashboard.title(), chromium.evaluate("document.title").asText());
            for (String error : List.of("Internal server error", "Unexpected error", "Not found", "Access denied", "Login")) {
                assertFalse(text.contains(error), "error page? " + error + " in " + text);
            }
            assertTrue(text.contains(dashboard.charts().get(0).title()), text);
            assertTrue(HeadlessChromium.inkShare(image) > 0.01, "the screenshot shows something");
        }
    }

    /** Superset's own login form (the browser's route): the session cookie a logged-in page needs. */
    static String browserSession(String url, String user, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String page = http.send(HttpRequest.newBuilder(URI.create(url + "/login/")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("id=\"csrf_token\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertTrue(csrf.find(), "login form has a CSRF token");
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&csrf_token=" + enc(csrf.group(1));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/login/"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 400, "login: " + r.statusCode());
        return ((java.net.CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("session")).findFirst().orElseThrow().getValue();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }


}
