package no.trygg.publish.server;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A Python virtual environment in the download cache ({@code <cacheDir>/<folder>/venv-<version>}), shared by
 * every home and installed with pip from a pinned file committed with Trygg (requirements or constraints).
 * A marker holding the hash of what was installed is written last, so a half-finished or outdated
 * environment is made again; a file lock keeps two homes from installing into the same folder at once.
 */
public final class PythonVenv {

    /**
     * What to install.
     *
     * @param product       for messages, e.g. "Apache Superset"
     * @param folder        sub-folder of the cache, e.g. "superset"
     * @param version       the product's version, part of the folder name
     * @param pinnedFile    class-path resource copied next to the environment, e.g. "/superset/requirements.txt"
     * @param pipArgs       what follows {@code pip install}, with {@code {file}} for the copied pinned file
     * @param checkProgram  a program the complete environment has, e.g. "gunicorn"
     * @param pythonSetting the setting that names the Python, for the error message
     * @param pinnedUrl     null, or a URL pip reads instead of the pinned file (e.g. a project's published constraints)
     */
    public record Spec(String product, String folder, String version, String pinnedFile, List<String> pipArgs,
                       String checkProgram, String pythonSetting, String pinnedUrl) {

        public Spec withPinnedUrl(String url) {
            return new Spec(product, folder, version, pinnedFile, pipArgs, checkProgram, pythonSetting, url);
        }
    }

    private final Spec spec;
    private final Path cacheDir;
    private final String python;
    private final Consumer<String> progress;

    public PythonVenv(Spec spec, Path cacheDir, String python, Consumer<String> progress) {
        this.spec = spec;
        this.cacheDir = cacheDir.resolve(spec.folder());
        this.python = python;
        this.progress = progress;
    }

    public Path dir() {
        return cacheDir.resolve("venv-" + spec.version());
    }

    /** A program of the environment, e.g. {@code superset} or {@code airflow}. */
    public Path bin(String program) {
        return dir().resolve("bin").resolve(program);
    }

    public Path installLog() {
        return cacheDir.resolve("pip-" + spec.version() + ".log");
    }

    /** Installs the environment unless a complete one for this pinned file (or URL) is there. */
    public void ensure() {
        byte[] pinned = spec.pinnedUrl() == null ? resource(spec.pinnedFile()) : spec.pinnedUrl().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String hash = sha256(pinned);
        try {
            Files.createDirectories(cacheDir);
            try (FileChannel lockFile = FileChannel.open(cacheDir.resolve("install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockFile.lock()) {
                if (complete(hash)) return;
                install(pinned, hash);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install the Python environment of " + spec.product() + " in " + dir() + ": " + e.getMessage(), e);
        }
    }

    private boolean complete(String hash) throws IOException {
        Path marker = marker();
        return Files.isRegularFile(marker) && Files.readString(marker).trim().equals(hash) && Files.isExecutable(bin(spec.checkProgram()));
    }

    private void install(byte[] pinned, String hash) throws IOException {
        deleteTree(dir());
        String name = Path.of(spec.pinnedFile()).getFileName().toString();
        Path file = cacheDir.resolve(name.replaceFirst("(\\.[a-z]+)$", "-" + spec.version() + "$1"));
        Files.write(file, pinned);
        Files.deleteIfExists(installLog());
        progress.accept("Installing " + spec.product() + " " + spec.version() + " into " + dir() + " (once, ~1 GB, a minute or two; log: " + installLog() + ")");
        long t = System.nanoTime();
        run(List.of(python, "-m", "venv", dir().toString()), "Creating the virtual environment with " + python);
        List<String> pip = new ArrayList<>(List.of(bin("pip").toString(), "install", "--disable-pip-version-check", "--no-input"));
        String source = spec.pinnedUrl() == null ? file.toString() : spec.pinnedUrl();
        spec.pipArgs().forEach(a -> pip.add(a.replace("{file}", source)));
        run(pip, "pip install");
        Files.writeString(marker(), hash + "\n");
        progress.accept(spec.product() + " " + spec.version() + " installed in " + (System.nanoTime() - t) / 1_000_000_000 + " s");
    }

    private void run(List<String> command, String what) throws IOException {
        Files.writeString(installLog(), "$ " + String.join(" ", command) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(installLog().toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + " (" + e.getMessage() + "): " + spec.product()
                    + " needs a Python with venv (see its pinned file for the version); set " + spec.pythonSetting() + " to one", e);
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

    private static byte[] resource(String name) {
        try (InputStream in = PythonVenv.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("Missing resource " + name);
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
