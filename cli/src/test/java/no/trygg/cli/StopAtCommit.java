package no.trygg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.events.CreateSnapshotEvent;
import org.apache.iceberg.events.Listeners;

/**
 * Deterministic crash points for the kill test: Iceberg announces every snapshot it commits ({@link CreateSnapshotEvent},
 * in the committing JVM), so a run's commits can be counted. {@link #main} is a test launcher around {@link Trygg}: right
 * after its k-th commit to a table of a namespace ({@value #AFTER_ENV} = "silver:3") it writes the table's name to the
 * file {@value #MARKER_ENV} and stops, so the test can SIGKILL it exactly there. {@link #record} lists the commits of a
 * run in this JVM, to choose those points.
 */
final class StopAtCommit {

    static final String AFTER_ENV = "TRYGG_TEST_STOP_AFTER_COMMIT";
    static final String MARKER_ENV = "TRYGG_TEST_STOP_MARKER";
    private static volatile List<String> recording;

    static {
        // Iceberg's listener registry is static and has no unregister: one listener per JVM, recording when asked.
        Listeners.register(e -> {
            List<String> r = recording;
            if (r != null) r.add(e.tableName());
        }, CreateSnapshotEvent.class);
    }

    private StopAtCommit() {
    }

    /** The tables {@code work} committed snapshots of, in commit order. */
    static synchronized List<String> record(Work work) throws Exception {
        List<String> commits = new CopyOnWriteArrayList<>();
        recording = commits;
        try {
            work.run();
        } finally {
            recording = null;
        }
        return List.copyOf(commits);
    }

    interface Work {
        void run() throws Exception;
    }

    /** "catalog.namespace.table" (or "namespace.table") → namespace. */
    static String namespace(String table) {
        String[] parts = table.split("\\.");
        return parts[parts.length - 2];
    }

    public static void main(String[] args) {
        String[] point = System.getenv(AFTER_ENV).split(":");
        String namespace = point[0];
        int after = Integer.parseInt(point[1]);
        Path marker = Path.of(System.getenv(MARKER_ENV));
        AtomicInteger commits = new AtomicInteger();
        Listeners.register(e -> {
            if (!namespace(e.tableName()).equals(namespace) || commits.incrementAndGet() != after) return;
            try {
                Files.writeString(marker, e.tableName(), StandardCharsets.UTF_8);
                Thread.sleep(Long.MAX_VALUE); // the committing thread waits here for the SIGKILL
            } catch (IOException | InterruptedException x) {
                Runtime.getRuntime().halt(99);
            }
        }, CreateSnapshotEvent.class);
        Trygg.main(args);
    }
}
