package no.trygg.publish.trino;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One pinned Trino version from Maven Central, fetched once into the download cache: the server core
 * (tar.gz), the Iceberg plugin (zip, unpacked into plugin/iceberg) and the CLI (executable jar).
 */
public final class TrinoDistribution {

    public static final String VERSION = "476";
    private static final String CENTRAL = "https://repo1.maven.org/maven2/io/trino/";

    private final Path root;
    private final Consumer<String> progress;

    public TrinoDistribution(Path cacheDir, Consumer<String> progress) {
        this.root = cacheDir.resolve("trino");
        this.progress = progress;
    }

    /** The unpacked server with the Iceberg plugin, downloading and unpacking on first use. */
    public Path server() {
        Path server = root.resolve("trino-server-" + VERSION);
        Path done = server.resolve(".trygg-complete");
        if (Files.exists(done)) return server;
        try {
            Files.createDirectories(root);
            Path tar = download("trino-server-core/" + VERSION + "/trino-server-core-" + VERSION + ".tar.gz");
            Path zip = download("trino-iceberg/" + VERSION + "/trino-iceberg-" + VERSION + ".zip");
            progress.accept("Unpacking Trino " + VERSION + " into " + root);
            deleteTree(server);
            run(new ProcessBuilder("tar", "-xzf", tar.toString(), "-C", root.toString()));
            Path unpacked = root.resolve("trino-server-core-" + VERSION);
            if (Files.isDirectory(unpacked)) Files.move(unpacked, server);
            unzipStrippingTopFolder(zip, server.resolve("plugin").resolve("iceberg"));
            Files.writeString(done, VERSION);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot provision Trino " + VERSION + " under " + root + ": " + e.getMessage(), e);
        }
    }

    /** The Trino CLI as an executable jar. */
    public Path cli() {
        try {
            Files.createDirectories(root);
            return download("trino-cli/" + VERSION + "/trino-cli-" + VERSION + "-executable.jar");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot fetch the Trino CLI: " + e.getMessage(), e);
        }
    }

    private Path download(String path) throws IOException {
        Path target = root.resolve("downloads").resolve(path.substring(path.lastIndexOf('/') + 1));
        if (Files.exists(target)) return target;
        Files.createDirectories(target.getParent());
        progress.accept("Downloading " + CENTRAL + path + " (once, into " + target.getParent() + ")");
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            HttpResponse<Path> r = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                    .send(HttpRequest.newBuilder(URI.create(CENTRAL + path)).GET().build(), HttpResponse.BodyHandlers.ofFile(partial));
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode() + " for " + CENTRAL + path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while downloading " + path, e);
        }
        // Renamed only when complete, so an interrupted download is never mistaken for a good one.
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private static void unzipStrippingTopFolder(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String name = e.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) continue;
                Path out = into.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(into)) throw new IOException("Unsafe entry in " + zip + ": " + name);
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void run(ProcessBuilder pb) throws IOException {
        try {
            Process p = pb.redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes());
            }
            if (p.waitFor() != 0) throw new IOException(String.join(" ", pb.command()) + " failed: " + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
