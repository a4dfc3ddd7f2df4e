package no.trygg.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The code version, stamped into every table a run writes so a number can be traced to the code that made it. */
public final class TryggVersion {

    private static final String VERSION = read();

    private TryggVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = TryggVersion.class.getResourceAsStream("/trygg-version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
