package no.trygg.publish.superset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Turns a failed answer from Superset into a {@link SupersetException} with words a person can act on. */
final class SupersetErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SupersetErrors() {
    }

    static SupersetException notAnswering(String baseUrl, String method, String path, Throwable cause) {
        return new SupersetException(0, method, path, "Superset does not answer at " + baseUrl
                + ": start it with bin/trygg superset start (" + method + " " + path + ": " + describe(cause) + ")", cause);
    }

    static SupersetException wrongLogin(String baseUrl, String user) {
        return new SupersetException(401, "POST", SupersetClient.LOGIN, "wrong user name or password for Superset at " + baseUrl
                + " (user " + user + ")", null);
    }

    static SupersetException of(String baseUrl, String method, String path, int status, String body) {
        String said = message(body);
        String words = switch (status) {
            case 401 -> "Superset at " + baseUrl + " refused the login token (expired or invalid): log in again";
            case 403 -> "the Superset user may not do this";
            case 404 -> "not found in Superset at " + baseUrl;
            case 302 -> "Superset at " + baseUrl + " redirected to its login page: not logged in, or the CSRF token is missing";
            default -> "Superset at " + baseUrl + " failed with HTTP " + status;
        };
        // Superset keeps the cause of a failed import to its log; the commonest one is worth naming.
        String hint = status == 500 && path.startsWith(SupersetClient.IMPORT)
                ? " (the cause is in Superset's log, <home>/superset/superset.log; importing a database connects to it, so Trino must answer)" : "";
        return new SupersetException(status, method, path,
                method + " " + path + ": " + words + (said.isEmpty() ? "" : ": " + said) + hint, null);
    }

    /**
     * Superset's own message. Its JSON has {@code message} (a string, or field → errors for validation),
     * {@code error}, or {@code errors: [{message, extra}]} where {@code extra} names the files of a bundle
     * that failed. Anything else (an HTML error page) is reduced to its first words.
     */
    static String message(String body) {
        if (body == null || body.isBlank()) return "";
        try {
            JsonNode root = JSON.readTree(body);
            List<String> parts = new ArrayList<>();
            if (root.hasNonNull("message")) parts.add(text(root.get("message")));
            if (root.hasNonNull("error")) parts.add(text(root.get("error")));
            for (JsonNode e : root.path("errors")) {
                String m = text(e.path("message"));
                JsonNode extra = e.path("extra");
                // "extra" repeats issue codes for every error; only the per-file messages help.
                extra.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("issue_codes")) parts.add(f.getKey() + ": " + text(f.getValue()));
                });
                parts.add(0, m);
            }
            return String.join("; ", parts.stream().filter(s -> !s.isBlank()).toList());
        } catch (Exception notJson) {
            String text = body.replaceAll("(?s)<(style|script)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ")
                    .replaceAll("\\s+", " ").trim();
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : n.isMissingNode() ? "" : n.toString();
    }

    private static String describe(Throwable t) {
        return t.getMessage() != null ? t.getClass().getSimpleName() + " " + t.getMessage() : t.getClass().getSimpleName();
    }
}
