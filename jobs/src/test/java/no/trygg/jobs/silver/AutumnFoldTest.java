package no.trygg.jobs.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Both clock changes of 2025 in Europe/Oslo, as {@code to_timestamp} reads them and as {@link AutumnFold} settles them. */
class AutumnFoldTest {

    private static final String OSLO = "Europe/Oslo";

    private static Instant resolve(String readAsUtc, String file) {
        return AutumnFold.resolve(Timestamp.from(Instant.parse(readAsUtc)), file, OSLO).toInstant();
    }

    @Test
    void aRepeatedHourTimeDeliveredNextDayIsTheSecondOccurrence() {
        // 02:10 on 2025-10-26 read as summer time (00:10 UTC); delivered on the 27th it was saved at 02:10 CET.
        assertEquals(Instant.parse("2025-10-26T01:10:00Z"), resolve("2025-10-26T00:10:00Z", "incidents/incidents_2025-10-27.csv"));
        // In its own day's file it stays the first occurrence: the export cannot say more.
        assertEquals(Instant.parse("2025-10-26T00:10:00Z"), resolve("2025-10-26T00:10:00Z", "incidents/incidents_2025-10-26.csv"));
    }

    @Test
    void timesOutsideTheRepeatedHourAndTheSpringGapAreLeftAlone() {
        String nextDay = "incidents/incidents_2025-10-27.csv";
        assertEquals(Instant.parse("2025-10-26T02:00:00Z"), resolve("2025-10-26T02:00:00Z", nextDay), "03:00 CET occurs once");
        assertEquals(Instant.parse("2025-10-25T23:59:00Z"), resolve("2025-10-25T23:59:00Z", nextDay), "01:59 CEST occurs once");
        // Spring forward: 02:30 does not exist and reads as 03:30 CEST (01:30 UTC); no fold, whatever the file's day.
        assertEquals(Instant.parse("2025-03-30T01:30:00Z"), resolve("2025-03-30T01:30:00Z", "incidents/incidents_2025-03-31.csv"));
        assertEquals(Instant.parse("2025-03-30T00:59:00Z"), resolve("2025-03-30T00:59:00Z", "incidents/incidents_2025-03-31.csv"));
    }

    @Test
    void aVersionAlreadyAtTheSecondOccurrenceOrWithoutADatedFileStays() {
        assertEquals(Instant.parse("2025-10-26T01:10:00Z"), resolve("2025-10-26T01:10:00Z", "incidents/incidents_2025-10-27.csv"));
        assertEquals(Instant.parse("2025-10-26T00:10:00Z"), resolve("2025-10-26T00:10:00Z", "incidents/extra.csv"));
    }
}
