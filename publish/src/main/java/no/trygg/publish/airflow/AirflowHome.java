package no.trygg.publish.airflow;

import java.io.IOException;
import java.nio.file.Path;
import no.trygg.publish.server.SecretFile;

/**
 * What one Trygg home keeps for its Airflow, under {@code <home>/airflow/} (Airflow's AIRFLOW_HOME): the SQLite
 * metadata database, the secrets and admin password (mode 600), one pid file and log per component, and the
 * task logs under {@code logs/}.
 */
final class AirflowHome {

    /** The long-running parts of Airflow 3, each its own process with its own pid file, stopped in this order. */
    static final java.util.List<String> COMPONENTS = java.util.List.of("scheduler", "triggerer", "dag-processor", "api-server");

    private final Path dir;

    AirflowHome(Path tryggHome) {
        this.dir = tryggHome.resolve("airflow");
    }

    Path dir() {
        return dir;
    }

    Path metadataDb() {
        return dir.resolve("airflow.db");
    }

    Path logs() {
        return dir.resolve("logs");
    }

    Path adminPasswordFile() {
        return dir.resolve("admin-password");
    }

    /** The simple auth manager's users → passwords (JSON, mode 600), written from the admin password at every start. */
    Path passwordsFile() {
        return dir.resolve("simple-auth-manager-passwords.json");
    }

    /** Signs the API's tokens: every component must share it (tasks talk to the execution API with them). */
    String jwtSecret() {
        return SecretFile.readOrCreate(dir.resolve("jwt-secret"), 32);
    }

    String apiSecretKey() {
        return SecretFile.readOrCreate(dir.resolve("api-secret-key"), 32);
    }

    Path pidFile(String component) {
        return dir.resolve(component + ".pid");
    }

    Path componentLog(String component) {
        return logs().resolve(component + ".log");
    }

    /** Output of {@code airflow db migrate}. */
    Path setupLog() {
        return logs().resolve("setup.log");
    }

    /** Holds the Airflow version whose database migrations ran. */
    Path migratedMarker() {
        return dir.resolve("migrated");
    }

    void writePasswords(String user, String password) throws IOException {
        SecretFile.write(passwordsFile(), "{\"" + user + "\": \"" + password.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
