package no.trygg.publish.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Stopping a server and its child processes (workers, task runners), and waiting for them to end. */
public final class ProcessStop {

    private ProcessStop() {
    }

    /**
     * Stops the process named in {@code pidFile} with everything it started: SIGTERM, then SIGKILL for what is
     * left after {@code grace}. Only signals a process whose command line contains {@code mustContain}, so a
     * pid reused by another program since is never touched; the pid file is removed either way.
     *
     * @return whether a running process was stopped
     */
    public static boolean stop(PidFile pidFile, String mustContain, String name, Duration grace, Consumer<String> progress) {
        ProcessHandle p = pidFile.pid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).orElse(null);
        if (p == null) {
            pidFile.delete();
            return false;
        }
        if (!ours(p, pidFile, mustContain)) {
            progress.accept("Pid " + p.pid() + " in " + pidFile.path() + " is not " + name + " any more; removing the stale pid file");
            pidFile.delete();
            return false;
        }
        // Children are listed before the signal: once their parent is gone they are no longer its descendants.
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.add(0, p);
        p.destroy();
        if (!awaitExit(all, grace)) {
            progress.accept(name + " did not stop within " + grace.toSeconds() + " s; killing it");
            all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            if (!awaitExit(all, Duration.ofSeconds(10))) {
                throw new IllegalStateException(name + " processes survive SIGKILL: "
                        + all.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList());
            }
        }
        pidFile.delete();
        return true;
    }

    /**
     * Whether the process is the one the pid file was written for: its command line names the program, or (for
     * programs that rewrite their command line, as Airflow's API server does) it started before the file was written.
     */
    private static boolean ours(ProcessHandle p, PidFile pidFile, String mustContain) {
        if (p.info().commandLine().map(c -> c.contains(mustContain)).orElse(true)) return true;
        try {
            java.time.Instant written = java.nio.file.Files.getLastModifiedTime(pidFile.path()).toInstant();
            return p.info().startInstant().map(started -> !started.isAfter(written.plusSeconds(2))).orElse(false);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** True once none of them is alive; false if some still are after {@code timeout}. */
    public static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) return false;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
