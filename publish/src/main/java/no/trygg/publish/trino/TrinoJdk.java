package no.trygg.publish.trino;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a JDK new enough for Trino (476 asks for Java 24) beside the Java 17 that Spark runs on: the
 * configured one, else the newest under /usr/lib/jvm or /opt/java (the machine image has a Temurin 25).
 */
public final class TrinoJdk {

    public static final int MINIMUM = 24;
    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private TrinoJdk() {
    }

    public static Path find(Path configured) {
        List<String> seen = new ArrayList<>();
        if (configured != null) {
            int v = version(configured).orElse(0);
            if (v >= MINIMUM) return configured;
            throw new IllegalStateException("trygg.trino.java-home " + configured + " is Java " + v + "; Trino "
                    + TrinoDistribution.VERSION + " needs Java " + MINIMUM + " or newer");
        }
        List<Path> candidates = new ArrayList<>();
        for (String root : List.of("/usr/lib/jvm", "/opt/java", "/opt")) {
            try (var s = Files.list(Path.of(root))) {
                s.filter(Files::isDirectory).forEach(candidates::add);
            } catch (IOException e) {
                // not there on this machine
            }
        }
        Optional<Path> best = candidates.stream().filter(p -> Files.isExecutable(p.resolve("bin/java")))
                .peek(p -> seen.add(p + " (Java " + version(p).map(String::valueOf).orElse("?") + ")"))
                .filter(p -> version(p).orElse(0) >= MINIMUM)
                .max(Comparator.comparingInt(p -> version(p).orElse(0)));
        return best.orElseThrow(() -> new IllegalStateException("No JDK " + MINIMUM + "+ found for Trino " + TrinoDistribution.VERSION
                + " (Spark's Java 17 is too old for it). Looked at: " + (seen.isEmpty() ? "nothing under /usr/lib/jvm" : seen)
                + ". Install one (e.g. Temurin 25) and/or set trygg.trino.java-home (TRYGG_TRINO_JAVA_HOME)."));
    }

    static Optional<Integer> version(Path jdk) {
        try {
            Matcher m = VERSION.matcher(Files.readString(jdk.resolve("release")));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
