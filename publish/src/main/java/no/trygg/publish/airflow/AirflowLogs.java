package no.trygg.publish.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A task log as text. Airflow 3 answers {@code content} as a list of structured events
 * ({@code {timestamp, level, event, logger, ...}}, the first one naming the log's sources); older answers are text.
 */
final class AirflowLogs {

    private AirflowLogs() {
    }

    static String text(JsonNode content) {
        if (content.isTextual()) return content.asText();
        List<String> lines = new ArrayList<>();
        for (JsonNode e : content) {
            if (e.isTextual()) {
                lines.add(e.asText());
            } else if (e.has("sources")) {
                List<String> sources = new ArrayList<>();
                e.path("sources").forEach(s -> sources.add(s.asText()));
                lines.add("(log from " + String.join(", ", sources) + ")");
            } else {
                StringBuilder line = new StringBuilder();
                if (e.hasNonNull("timestamp")) line.append('[').append(e.get("timestamp").asText()).append("] ");
                if (e.hasNonNull("level")) line.append(e.get("level").asText().toUpperCase()).append(' ');
                if (e.hasNonNull("logger")) line.append(e.get("logger").asText()).append(": ");
                line.append(e.path("event").asText(""));
                if (e.hasNonNull("error_detail")) line.append('\n').append(e.get("error_detail").toString());
                lines.add(line.toString());
            }
        }
        return String.join("\n", lines);
    }
}
