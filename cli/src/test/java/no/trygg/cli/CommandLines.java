package no.trygg.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The command lines of a server we started and of everything it started, as any user of the machine sees them in
 * {@code ps} (Linux /proc): the place a secret must never be.
 */
final class CommandLines {

    private CommandLines() {
    }

    /** pid → command line (arguments joined by spaces) of {@code root} and its descendants. */
    static Map<Long, String> ofTree(long root) throws IOException {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                long ppid = parentOf(p);
                if (ppid > 0) children.computeIfAbsent(ppid, k -> new ArrayList<>()).add(Long.parseLong(p.getFileName().toString()));
            }
        }
        Map<Long, String> out = new TreeMap<>();
        List<Long> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            long pid = todo.remove(todo.size() - 1);
            String line = commandLine(pid);
            if (line != null) out.put(pid, line);
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        return out;
    }

    /** No secret (by name → value) on any of the command lines, and the lines are there to look at. */
    static void assertNoSecret(String server, Map<Long, String> lines, Map<String, String> secrets) {
        assertFalse(lines.isEmpty(), server + ": no processes found to check");
        secrets.forEach((name, value) -> {
            assertTrue(value != null && value.length() >= 8, name + " is a real secret to look for");
            lines.forEach((pid, line) -> assertFalse(line.contains(value), server + " process " + pid + " has the " + name
                    + " on its command line"));
        });
    }

    private static long parentOf(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(after[1]);
        } catch (IOException | RuntimeException e) {
            return -1; // the process ended meanwhile
        }
    }

    private static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException e) {
            return null;
        }
    }
}
