package no.trygg.jobs.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per home: a run holds an operating-system lock on {@code <home>/run.lock} while it writes, so a second
 * run on the same home stops at once with a clear message instead of racing the first to the catalog (SQLite answers
 * such a race with "database is locked", and what lands depends on timing). The lock goes with the process: a run
 * killed with -9 leaves no stale lock behind. The file keeps the holder's pid and start time for the message.
 */
public final class HomeLock implements AutoCloseable {

    public static final String FILE = "run.lock";

    /** Another run holds the lock. */
    public static final class HeldException extends RuntimeException {
        public HeldException(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private HomeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @param holder who takes it, for the message a second run gets (e.g. "started 2026-12-04T05:00:00Z") */
    public static HomeLock acquire(Path home, String holder) {
        try {
            Files.createDirectories(home);
            Path file = home.resolve(FILE);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) { // this JVM holds it already
                lock = null;
            }
            if (lock == null) {
                String current = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new HeldException("another run is writing to " + home + (current.isEmpty() ? "" : " (" + current + ")")
                        + "; wait for it to finish and run again. Runs on one home take turns; nothing was changed");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ManagementFactory.getRuntimeMXBean().getPid() + ", " + holder)
                    .getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new HomeLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot take the run lock in " + home, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the run lock", e);
        }
    }
}
