package no.trygg.publish.superset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The Python virtual environment Superset runs from, in the download cache ({@code <cacheDir>/superset/venv-6.1.0}),
 * shared by every home. Installed from the pinned {@code superset/requirements.txt}; a marker holding the
 * requirements' hash is written last, so a half-finished or outdated environment is made again.
 */
final class SupersetVenv {

    static final String VERSION = "6.1.0";
    private static final String REQUIREMENTS = "/superset/requirements.txt";

    private final Path cacheDir;
    private final String python;
    private final Consumer<String> progress;

    SupersetVenv(Path cacheDir, String python, Consumer<String> progress) {
        this.cacheDir = cacheDir.resolve("superset");
        this.python = python;
        this.progress = progress;
    }

    Path dir() {
        return cacheDir.resolve("venv-" + VERSION);
    }

    /** A program of the environment, e.g. {@code superset} or {@code gunicorn}. */
    Path bin(String program) {
        return dir().resolve("bin").resolve(program);
    }

    Path installLog() {
        return cacheDir.resolve("pip-" + VERSION + ".log");
    }

    /** Installs the environment unless a complete one for these requirements is there. */
    void ensure() {
        byte[] requirements = requirements();
        String hash = sha256(requirements);
        try {
            Files.createDirectories(cacheDir);
            // Two homes starting at once must not install into the same folder.
            try (FileChannel lockFile = FileChannel.open(cacheDir.resolve("install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockFile.lock()) {
                if (complete(hash)) return;
                install(requirements, hash);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install Superset's Python environment in " + dir() + ": " + e.getMessage(), e);
        }
    }

    private boolean complete(String hash) throws IOException {
        Path marker = marker();
        return Files.isRegularFile(marker) && Files.readString(marker).trim().equals(hash) && Files.isExecutable(bin("gunicorn"));
    }

    private void install(byte[] requirements, String hash) throws IOException {
        deleteTree(dir());
        Path file = cacheDir.resolve("requirements-" + VERSION + ".txt");
        Files.write(file, requirements);
        Files.deleteIfExists(installLog());
        progress.accept("Installing Apache Superset " + VERSION + " into " + dir() + " (once, ~1 GB, about a minute; log: " + installLog() + ")");
        long t = System.nanoTime();
        run(List.of(python, "-m", "venv", dir().toString()), "Creating the virtual environment with " + python);
        run(List.of(bin("pip").toString(), "install", "--disable-pip-version-check", "--no-input", "-r", file.toString()),
                "pip install -r " + file);
        Files.writeString(marker(), hash + "\n");
        progress.accept("Superset " + VERSION + " installed in " + (System.nanoTime() - t) / 1_000_000_000 + " s");
    }

    private void run(List<String> command, String what) throws IOException {
        Files.writeString(installLog(), "$ " + String.join(" ", command) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(installLog().toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + " (" + e.getMessage() + "): Superset needs Python 3.10 or newer "
                    + "with venv; set trygg.superset.python to one", e);
        }
        int code = ProcessOutput.waitFor(p);
        if (code != 0) {
            throw new IllegalStateException(what + " failed (exit " + code + "). " + ProcessOutput.tail(installLog(), 25)
                    + "\nThe environment will be made again at the next start.");
        }
    }

    private Path marker() {
        return dir().resolve("trygg-installed");
    }

    private static byte[] requirements() {
        try (InputStream in = SupersetVenv.class.getResourceAsStream(REQUIREMENTS)) {
            if (in == null) throw new IllegalStateException("Missing resource " + REQUIREMENTS);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
