package no.trygg.publish.superset;

import java.time.Duration;
import java.util.List;

/** Waiting for a group of processes (a server and its workers) to end. */
final class ProcessStop {

    private ProcessStop() {
    }

    /** True once none of them is alive; false if some still are after {@code timeout}. */
    static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
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
