package no.trygg.publish.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Turns a failed answer from Airflow into an {@link AirflowException} with words a person can act on. */
final class AirflowErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AirflowErrors() {
    }

    static AirflowException notAnswering(String baseUrl, String method, String path, Throwable cause) {
        return new AirflowException(0, method, path, "Airflow does not answer at " + baseUrl
                + ": start it with bin/trygg airflow start (" + method + " " + path + ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage()) + ")", cause);
    }

    static AirflowException wrongLogin(String baseUrl, String user) {
        return new AirflowException(401, "POST", AirflowClient.LOGIN, "wrong user name or password for Airflow at " + baseUrl
                + " (user " + user + ")", null);
    }

    static AirflowException unknownDag(String baseUrl, String method, String path, String dagId, List<String> dags) {
        return new AirflowException(404, method, path, "no DAG named " + dagId + " in Airflow at " + baseUrl + "; DAGs: "
                + (dags.isEmpty() ? "none (are the DAG files parsed? see bin/trygg airflow status)" : String.join(", ", dags)), null);
    }

    static AirflowException of(String baseUrl, String method, String path, int status, String body) {
        String said = message(body);
        String words = switch (status) {
            case 401 -> "Airflow at " + baseUrl + " refused the login token (expired or invalid): log in again";
            case 403 -> "the Airflow user may not do this";
            case 404 -> "not found in Airflow at " + baseUrl;
            case 409 -> "Airflow at " + baseUrl + " refused: it exists already";
            case 422 -> "Airflow at " + baseUrl + " refused the request as invalid";
            default -> "Airflow at " + baseUrl + " failed with HTTP " + status;
        };
        return new AirflowException(status, method, path, method + " " + path + ": " + words + (said.isEmpty() ? "" : ": " + said), null);
    }

    /**
     * Airflow's own message: FastAPI's {@code detail}, a string, an object, or for invalid requests a list of
     * {@code {loc, msg}}. Anything else (an HTML page from a proxy) is reduced to its first words.
     */
    static String message(String body) {
        if (body == null || body.isBlank()) return "";
        try {
            JsonNode detail = JSON.readTree(body).path("detail");
            if (detail.isTextual()) return detail.asText();
            if (detail.isArray()) {
                List<String> parts = new ArrayList<>();
                for (JsonNode d : detail) {
                    List<String> loc = new ArrayList<>();
                    d.path("loc").forEach(l -> loc.add(l.asText()));
                    parts.add((loc.isEmpty() ? "" : String.join(".", loc) + ": ") + d.path("msg").asText(d.toString()));
                }
                return String.join("; ", parts);
            }
            return detail.isMissingNode() ? JSON.readTree(body).toString() : detail.toString();
        } catch (Exception notJson) {
            String text = body.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }
    }
}
