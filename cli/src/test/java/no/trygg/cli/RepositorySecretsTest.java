package no.trygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository holds no secrets: no private key, no password in a JDBC URL, no literal password, secret, key or
 * token in a settings file or script (those name an environment variable or a file instead), and the folders where
 * secrets do live (a home's {@code secrets/}, Superset's and Airflow's generated passwords) are ignored by git.
 */
class RepositorySecretsTest {

    /** Files whose lines are settings or commands; Java sources get only the private-key and URL checks. */
    private static final Pattern SETTINGS = Pattern.compile(".*\\.(properties|ya?ml|py|sh|ini|cfg|conf|toml|env|json|xml)$|^(bin|\\.ci)/.*");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)jdbc:[a-z]+://[^\\s\"']*[?&;]password=(?!\\$)[^&\\s\"']+");
    /** name = value or name: value where the value is a literal of 8+ characters, not $VAR, ${…} or a lookup. */
    private static final Pattern ASSIGNED = Pattern.compile("(?i)\\b[a-z_.-]*(password|passwd|secret|api[_-]?key|token)[a-z_.-]*\\s*[:=]\\s*"
            + "[\"']?(?![$%{<(])([^\\s\"'(){}]{8,})");

    /** The secrets-like text in a file's content; empty when clean. */
    static List<String> findings(String path, String content) {
        List<String> out = new ArrayList<>();
        List<Pattern> patterns = SETTINGS.matcher(path).matches() ? List.of(PRIVATE_KEY, URL_PASSWORD, ASSIGNED) : List.of(PRIVATE_KEY, URL_PASSWORD);
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Pattern p : patterns) {
                Matcher m = p.matcher(lines[i]);
                if (m.find() && !isReference(m.group())) out.add(path + ":" + (i + 1) + ": " + m.group());
            }
        }
        return out;
    }

    /** A value that names where the secret comes from rather than being one. */
    private static boolean isReference(String match) {
        return match.matches("(?is).*[:=]\\s*[\"']?(os\\.environ|getenv|env\\.|none|null|true|false|required|optional)\\b.*");
    }

    @Test
    void theDetectorFindsPlantedSecretsAndLetsReferencesPass() {
        assertEquals(1, findings("x/app.properties", "db.password=hunter2hunter2").size());
        assertEquals(1, findings("x/app.yaml", "  secret_key: 'aG9sZCBteSBiZWVy'").size());
        assertEquals(1, findings("bin/run", "export TRYGG_SUPERSET_PASSWORD=correct-horse-battery").size());
        // Split, so this file does not hold what it plants.
        assertEquals(1, findings("x/A.java", "String url = \"jdbc:postgresql://h/db?user=a&password=" + "s3cr3tvalue\";").size());
        assertEquals(1, findings("x/A.java", "-----BEGIN RSA PRIVATE " + "KEY-----").size());
        assertEquals(List.of(), findings("x/app.properties", "iceberg.jdbc-catalog.connection-password=${ENV:TRYGG_CATALOG_PASSWORD}"));
        assertEquals(List.of(), findings("bin/test", "password=\"$TRYGG_PW\""));
        assertEquals(List.of(), findings("x/dag.py", "password = os.environ[\"TRYGG_SUPERSET_PASSWORD\"]"));
        assertEquals(List.of(), findings("x/A.java", "String password = System.getenv(\"TRYGG_SUPERSET_PASSWORD\");"),
                "Java assignments are code, checked by review and the tests");
    }

    @Test
    void noTrackedFileHoldsASecret() throws Exception {
        Path root = repositoryRoot();
        List<String> files = trackedFiles(root);
        assertTrue(files.size() > 100, "the repository's files: " + files.size());
        List<String> found = new ArrayList<>();
        for (String f : files) {
            byte[] bytes = Files.readAllBytes(root.resolve(f));
            if (bytes.length > 2_000_000 || new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1).indexOf('\0') >= 0) {
                continue; // binary or generated-size: not a settings file
            }
            found.addAll(findings(f, new String(bytes, StandardCharsets.UTF_8)));
        }
        assertEquals(List.of(), found);
    }

    @Test
    void whereSecretsLiveIsIgnoredByGit() throws Exception {
        Path root = repositoryRoot();
        for (String path : List.of(".trygg/secrets/pseudonym.key", ".trygg/superset/admin-password", ".trygg/airflow/admin-password",
                ".cache/test-postgres/postgresql.conf")) {
            Process p = new ProcessBuilder("git", "check-ignore", "-q", path).directory(root.toFile()).start();
            assertEquals(0, p.waitFor(), path + " must be ignored by git");
        }
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve(".git")) && !Files.isRegularFile(p.resolve(".git"))) p = p.getParent();
        assertTrue(p != null, "runs inside the git checkout");
        return p;
    }

    private static List<String> trackedFiles(Path root) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("git", "ls-files", "-z").directory(root.toFile()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "git ls-files");
        try (Stream<String> s = Stream.of(out.split("\0"))) {
            return s.filter(f -> !f.isEmpty() && Files.isRegularFile(root.resolve(f))).toList();
        }
    }
}
