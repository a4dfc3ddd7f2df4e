package no.trygg.publish.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A file holding the pid of a server this home started: the only way {@code stop} finds what to stop. */
public record PidFile(Path path) {

    public Optional<Long> pid() {
        try {
            return Files.exists(path) ? Optional.of(Long.parseLong(Files.readString(path).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the process named in the file is alive. */
    public boolean alive() {
        return pid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    public void write(long pid) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
