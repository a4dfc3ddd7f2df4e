package no.trygg.exports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import no.trygg.publish.server.ProcessOutput;
import no.trygg.publish.server.PythonVenv;

/**
 * Runs a research notebook headless against an extract, in a Python environment installed once into the download
 * cache from the pinned {@code notebooks/requirements.txt} (the same pins a researcher installs by hand).
 */
public final class NotebookKernel {

    /** The headline tables and the funnel plot, reproduced from an extract. */
    public static final String HEADLINE_TABLES = "headline-tables.ipynb";
    /** Bump when the requirements change their Python line; the pins' hash already forces a reinstall. */
    private static final PythonVenv.Spec VENV = new PythonVenv.Spec("the notebook kernel (pandas, pyarrow, matplotlib, nbconvert)",
            "notebooks", "py3.11", "/notebooks/requirements.txt", List.of("-r", "{file}"), "jupyter-nbconvert",
            "the PATH (its python3, 3.11 with venv)", null);

    private final PythonVenv venv;

    public NotebookKernel(Path cacheDir, Consumer<String> progress) {
        this.venv = new PythonVenv(VENV, cacheDir, "python3", progress);
    }

    /**
     * Executes {@code notebook} (a name in {@code notebooks/}) with {@code TRYGG_EXTRACT} = {@code extract} and
     * {@code TRYGG_NOTEBOOK_OUT} = {@code outDir}; the executed notebook, with its outputs, is saved in {@code outDir}.
     */
    public Path execute(String notebook, Path extract, Path outDir, Duration limit) {
        venv.ensure();
        try {
            Files.createDirectories(outDir);
            Path source = outDir.resolve(notebook);
            try (InputStream in = NotebookKernel.class.getResourceAsStream("/notebooks/" + notebook)) {
                if (in == null) throw new IllegalArgumentException("No notebook " + notebook + " in notebooks-exports/notebooks");
                Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
            }
            String executed = notebook.replace(".ipynb", ".executed.ipynb");
            Path log = outDir.resolve("nbconvert.log");
            ProcessBuilder pb = new ProcessBuilder(venv.bin("jupyter").toString(), "nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.timeout=" + limit.toSeconds(), "--output", executed, source.toString())
                    .directory(outDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("TRYGG_EXTRACT", extract.toAbsolutePath().toString());
            pb.environment().put("TRYGG_NOTEBOOK_OUT", outDir.toAbsolutePath().toString());
            // The kernel is the environment's own Python; plots render without a display.
            pb.environment().put("PATH", venv.dir().resolve("bin") + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", ""));
            pb.environment().put("MPLBACKEND", "Agg");
            Process p = pb.start();
            if (!p.waitFor(limit.toSeconds() + 60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("The notebook " + notebook + " did not finish within " + limit + "; log: " + log);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("The notebook " + notebook + " failed (exit " + p.exitValue() + "). " + ProcessOutput.tail(log, 40));
            }
            return outDir.resolve(executed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run the notebook " + notebook + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running the notebook " + notebook, e);
        }
    }
}
