package no.trygg.jobs.bronze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExportDateTest {

    @Test
    void theNameSaysWhichDayAnExportStandsFor() {
        assertEquals(Optional.of(LocalDate.of(2024, 3, 5)), ExportDate.of(Path.of("incidents/incidents_2024-03-05.csv")));
        assertEquals(Optional.of(LocalDate.of(2024, 2, 29)), ExportDate.of(Path.of("office_register_2024-02.csv")), "a month: its last day");
        assertEquals(Optional.of(LocalDate.of(2024, 12, 31)), ExportDate.of(Path.of("staff_survey_2024.csv")), "a year: its last day");
        assertEquals(Optional.empty(), ExportDate.of(Path.of("incidents_latest.csv")));
        assertEquals(Optional.empty(), ExportDate.of(Path.of("office_register_2024-13.csv")), "not a date: the reader judges the file");
    }

    @Test
    void aFileIsDueOnItsDayAndLaterNeverBefore() {
        Path f = Path.of("incidents_2024-03-05.csv");
        assertFalse(ExportDate.due(f, LocalDate.of(2024, 3, 4)));
        assertTrue(ExportDate.due(f, LocalDate.of(2024, 3, 5)));
        assertTrue(ExportDate.due(f, null), "no day given: everything is due");
        assertTrue(ExportDate.due(Path.of("incidents_latest.csv"), LocalDate.of(2000, 1, 1)), "undated files are always due");
    }
}
