package no.trygg.cli;

import java.time.Duration;
import java.time.Instant;

/** Progress lines for people, on stdout, stamped with the time since the command started (Spark logs go to stderr). */
final class Console {

    private final Instant start = Instant.now();

    void line(String s) {
        Duration d = Duration.between(start, Instant.now());
        System.out.printf("%3d:%02d %s%n", d.toMinutes(), d.toSecondsPart(), s);
        System.out.flush();
    }
}
