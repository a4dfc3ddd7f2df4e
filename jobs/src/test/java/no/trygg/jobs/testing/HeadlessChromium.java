package no.trygg.jobs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;

/**
 * Debian's Chromium, headless, for tests that look at the HTML pages Trygg writes as a person would:
 * the DOM after rendering, and a screenshot. {@code bin/test} installs the package.
 */
public final class HeadlessChromium {

    /** Headless, and quiet on a closed network: no background connections, no updates, no sync. */
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private HeadlessChromium() {
    }

    /** The chromium binary, or empty when it is not installed (then such tests are skipped outside CI). */
    public static java.util.Optional<Path> binary() {
        for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(p))) return java.util.Optional.of(Path.of(p));
        }
        return java.util.Optional.empty();
    }

    /** The DOM as Chromium serialises it after loading {@code page}. */
    public static String dumpDom(Path page) {
        Path out = run(page, List.of("--dump-dom"), true);
        try {
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG screenshot of {@code page} at the given window size. */
    public static BufferedImage screenshot(Path page, Path png, int width, int height) {
        run(page, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars"), false);
        try {
            BufferedImage image = ImageIO.read(png.toFile());
            if (image == null) throw new IllegalStateException("Chromium wrote no readable PNG to " + png);
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Share of pixels that are not (near) white: a blank or failed page has almost none. */
    public static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (r + g + b < 3 * 235) ink++;
            }
        }
        return ink / ((image.getWidth() / 2.0) * (image.getHeight() / 2.0));
    }

    private static Path run(Path page, List<String> flags, boolean stdoutIsResult) {
        Path bin = binary().orElseThrow(() -> new IllegalStateException("Chromium is not installed (apt-get install chromium)"));
        try {
            Path profile = Files.createTempDirectory("trygg-chromium-");
            Path stdout = Files.createTempFile("trygg-chromium-", ".out");
            List<String> cmd = new ArrayList<>(List.of(bin.toString()));
            cmd.addAll(FLAGS);
            cmd.add("--user-data-dir=" + profile);
            cmd.addAll(flags);
            cmd.add(page.toAbsolutePath().toUri().toString());
            Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Chromium did not finish rendering " + page + " within 60 s");
            }
            if (p.exitValue() != 0) throw new IllegalStateException("Chromium exited with " + p.exitValue() + " on " + page);
            return stdoutIsResult ? stdout : page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
