package no.trygg.publish.superset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import no.trygg.publish.server.SecretFile;

/**
 * What one Trygg home keeps for its Superset, under {@code <home>/superset/}: the metadata database,
 * {@code superset_config.py}, the secret key and admin password (mode 600), logs and the pid file.
 */
final class SupersetHome {

    private final Path dir;

    SupersetHome(Path tryggHome) {
        this.dir = tryggHome.resolve("superset");
    }

    Path dir() {
        return dir;
    }

    Path configFile() {
        return dir.resolve("superset_config.py");
    }

    Path metadataDb() {
        return dir.resolve("superset.db");
    }

    Path secretKeyFile() {
        return dir.resolve("secret-key");
    }

    Path adminPasswordFile() {
        return dir.resolve("admin-password");
    }

    /** Where the password given through the environment was last applied, as a hash: to notice a new one. */
    Path appliedPasswordFile() {
        return dir.resolve("admin-password.applied");
    }

    Path pidFile() {
        return dir.resolve("gunicorn.pid");
    }

    Path serverLog() {
        return dir.resolve("superset.log");
    }

    Path accessLog() {
        return dir.resolve("access.log");
    }

    /** Output of the one-time setup commands (db upgrade, create-admin, init). */
    Path setupLog() {
        return dir.resolve("setup.log");
    }

    /** Present once the metadata database is created, the admin exists and roles are set up. */
    Path initialisedMarker() {
        return dir.resolve("initialised");
    }

    /** Writes {@code superset_config.py}; the secret key stays in its own file, read by the config at start. */
    void writeConfig() throws IOException {
        Files.createDirectories(dir);
        SecretFile.readOrCreate(secretKeyFile(), 42);
        String config = """
                # Written by Trygg (SupersetServer) at every start: edits are lost.
                from pathlib import Path

                # Signs session cookies and encrypts database passwords in the metadata database.
                SECRET_KEY = Path(%s).read_text().strip()
                SQLALCHEMY_DATABASE_URI = %s
                # Nothing is fetched from the internet: no example data; no hosted map tiles.
                SQLALCHEMY_EXAMPLES_URI = SQLALCHEMY_DATABASE_URI
                MAPBOX_API_KEY = ""
                # Kept on: CSRF protection for writes, Talisman's security headers (they allow plain HTTP locally).
                WTF_CSRF_ENABLED = True
                """.formatted(py(secretKeyFile().toString()), py("sqlite:///" + metadataDb() + "?check_same_thread=false"));
        Files.writeString(configFile(), config, StandardCharsets.UTF_8);
    }

    /** A Python string literal. */
    static String py(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
