package no.trygg.pipelines.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Spark standalone master says about itself on its web UI's {@code /json/}: its state, the workers that
 * are alive, and the applications that run or have run on it.
 *
 * @param state        "ALIVE" once the master accepts workers and applications
 * @param aliveWorkers workers registered and alive
 * @param cores        cores of the alive workers
 * @param memoryMb     memory of the alive workers, in MiB
 * @param activeApps   ids and names of the applications running now
 * @param completedApps ids and names of the applications that have finished, e.g. "app-20260101120000-0000 trygg run"
 */
public record MasterStatus(String state, int aliveWorkers, int cores, long memoryMb, List<String> activeApps, List<String> completedApps) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The master's status, or empty if nothing answers on that port. */
    public static Optional<MasterStatus> read(String webUrl) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build().send(
                    HttpRequest.newBuilder(URI.create(webUrl + "/json/")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(parse(r.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static MasterStatus parse(String json) throws IOException {
        JsonNode n = JSON.readTree(json);
        int alive = 0;
        for (JsonNode w : n.path("workers")) {
            if ("ALIVE".equals(w.path("state").asText())) alive++;
        }
        return new MasterStatus(n.path("status").asText("UNKNOWN"), alive, n.path("cores").asInt(), n.path("memory").asLong(),
                apps(n.path("activeapps")), apps(n.path("completedapps")));
    }

    private static List<String> apps(JsonNode list) {
        List<String> names = new ArrayList<>();
        for (JsonNode a : list) names.add(a.path("id").asText() + " " + a.path("name").asText());
        return names;
    }

    public boolean ready() {
        return "ALIVE".equals(state) && aliveWorkers > 0;
    }
}
