package no.trygg.jobs.warehouse;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeLockTest {

    @TempDir
    Path home;

    @Test
    void aSecondRunOnTheSameHomeIsRefusedUntilTheFirstEnds() {
        try (HomeLock first = HomeLock.acquire(home, "run-1")) {
            HomeLock.HeldException e = assertThrows(HomeLock.HeldException.class, () -> HomeLock.acquire(home, "run-2"));
            assertTrue(e.getMessage().contains("another run is writing to " + home + " (pid ") && e.getMessage().contains(", run-1)"), e.getMessage());
        }
        HomeLock.acquire(home, "run-3").close(); // released: the next run goes ahead
    }

    @Test
    void theLockHoldsAgainstAnotherProcessAndDiesWithIt() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Another JVM takes the lock on the same file and holds it until killed, as a second `trygg run` would.
        Path holder = home.resolve("Hold.java");
        Files.writeString(holder, "import java.nio.channels.*; import java.nio.file.*;"
                + " class Hold { public static void main(String[] a) throws Exception {"
                + " FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);"
                + " c.lock(); System.out.println(\"locked\"); System.out.flush(); Thread.sleep(60000); } }");
        Process p = new ProcessBuilder(java.toString(), holder.toString(), home.resolve(HomeLock.FILE).toString())
                .redirectErrorStream(true).start();
        try {
            String first = new String(p.getInputStream().readNBytes(6));
            assertTrue(first.equals("locked"), first);
            assertThrows(HomeLock.HeldException.class, () -> HomeLock.acquire(home, "run-1"));
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        HomeLock.acquire(home, "run-2").close(); // killed with -9: no stale lock
    }
}
