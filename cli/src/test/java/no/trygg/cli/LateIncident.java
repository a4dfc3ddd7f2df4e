package no.trygg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import no.trygg.schemas.sources.SourceFormat;

/** A small incident export arriving after the generated ones: one threat by phone, registered the next morning. */
final class LateIncident {

    private LateIncident() {
    }

    /** Writes {@code incidents/incidents_<exportDay>.csv} with one incident {@code id} that happened on {@code occurredDay}. */
    static Path write(Path sources, String exportDay, String id, String occurredDay, String officeId) throws IOException {
        Path file = sources.resolve("incidents").resolve("incidents_" + exportDay + ".csv");
        Files.writeString(file, String.join(";", SourceFormat.INCIDENTS.headers()) + "\n"
                + id + ";" + exportDay + "T09:00:00;" + exportDay + "T09:00:00;" + occurredDay + "T14:00:00;" + officeId
                + ";THREAT;PHONE;2;NONE;0;NONE;N;N;A000002;STATE;ny\n", StandardCharsets.UTF_8);
        return file;
    }
}
