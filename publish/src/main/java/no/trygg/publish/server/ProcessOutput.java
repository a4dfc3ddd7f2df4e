package no.trygg.publish.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small helpers for the child processes whose output goes to a log file. */
public final class ProcessOutput {

    private ProcessOutput() {
    }

    public static int waitFor(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + p.info().command().orElse("a process"), e);
        }
    }

    /** The last lines of a log, headed by its path, for error messages. */
    public static String tail(Path log, int lines) {
        try {
            // Lenient decoding: a log may hold bytes that are not UTF-8.
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return "Last lines of " + log + ":\n" + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
