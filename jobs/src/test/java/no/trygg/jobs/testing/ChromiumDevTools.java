package no.trygg.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * Headless Chromium driven over the DevTools protocol, for pages that need a logged-in session (a web app's
 * dashboards): set a cookie, open a page, wait until a script says it has rendered, read the DOM, take a
 * screenshot. The debugging port listens on 127.0.0.1 only; {@link #close()} stops the browser by its process.
 */
public final class ChromiumDevTools implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process browser;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private ChromiumDevTools(Process browser, Path profile, WebSocket socket) {
        this.browser = browser;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts a browser with one blank page of the given size. */
    public static ChromiumDevTools start(int width, int height) throws IOException, InterruptedException {
        Path bin = HeadlessChromium.binary().orElseThrow(() -> new IllegalStateException("Chromium is not installed (apt-get install chromium)"));
        Path profile = Files.createTempDirectory("trygg-chromium-");
        List<String> cmd = new ArrayList<>(List.of(bin.toString()));
        cmd.addAll(HeadlessChromium.FLAGS);
        cmd.addAll(List.of("--user-data-dir=" + profile, "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
                "--window-size=" + width + "," + height, "about:blank"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("Chromium's DevTools did not start: " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        String page = null;
        for (JsonNode target : JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body())) {
            if ("page".equals(target.path("type").asText())) page = target.path("webSocketDebuggerUrl").asText();
        }
        if (page == null) throw new IllegalStateException("Chromium has no page to drive");
        ChromiumDevTools[] self = new ChromiumDevTools[1];
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(page), new WebSocket.Listener() {
            private final StringBuilder message = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                message.append(data);
                if (last) {
                    self[0].answer(message.toString());
                    message.setLength(0);
                }
                w.request(1);
                return null;
            }
        }).join();
        self[0] = new ChromiumDevTools(p, profile, ws);
        self[0].call("Page.enable", Map.of());
        self[0].call("Network.enable", Map.of());
        self[0].call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return self[0];
    }

    private void answer(String text) {
        try {
            JsonNode msg = JSON.readTree(text);
            if (msg.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                if (f != null) f.complete(msg);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One DevTools command; its result, or an exception carrying the protocol's error. */
    public JsonNode call(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        try {
            socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
            JsonNode reply = f.get(60, TimeUnit.SECONDS);
            if (reply.has("error")) throw new IllegalStateException(method + ": " + reply.get("error"));
            return reply.path("result");
        } catch (Exception e) {
            if (e instanceof IllegalStateException ise) throw ise;
            throw new IllegalStateException(method + " failed: " + e, e);
        }
    }

    public void setCookie(String name, String value, String url) {
        call("Network.setCookie", Map.of("name", name, "value", value, "url", url));
    }

    public void navigate(String url) {
        call("Page.navigate", Map.of("url", url));
    }

    /** The value of a JavaScript expression in the page (awaited if it is a promise). */
    public JsonNode evaluate(String expression) {
        return call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true))
                .path("result").path("value");
    }

    /** Polls a JavaScript condition until it holds; false after the timeout. */
    public boolean waitFor(String condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (evaluate("Boolean(" + condition + ")").asBoolean(false)) return true;
            Thread.sleep(500);
        }
        return false;
    }

    /** A PNG of the page's viewport, also written to {@code png}. */
    public BufferedImage screenshot(Path png) throws IOException {
        byte[] bytes = Base64.getDecoder().decode(call("Page.captureScreenshot", Map.of("format", "png")).path("data").asText());
        Files.write(png, bytes);
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        browser.descendants().forEach(ProcessHandle::destroyForcibly);
        browser.destroyForcibly();
        try {
            browser.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
