package no.trygg.jobs.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.trygg.jobs.testing.TestWarehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataScanTest {

    @TempDir
    Path dir;

    private static Dataset<Row> table() {
        StructType schema = new StructType().add("office_id", DataTypes.StringType)
                .add("record", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
                .add("visitors", DataTypes.LongType).add("rate", DataTypes.DoubleType);
        return TestWarehouse.spark().createDataFrame(List.of(
                RowFactory.create("0301", toScala(Map.of()), 23456789L, 0.5),
                RowFactory.create("0301 kari@epost.no", null, 1L, 0.25),
                RowFactory.create("0301", toScala(Map.of("enhet_nr", "15038512363")), 2L, 0.125),
                RowFactory.create("0301", null, 3L, 0.15038512363)), schema);
    }

    private static scala.collection.Map<String, String> toScala(Map<String, String> m) {
        return scala.collection.JavaConverters.mapAsScalaMap(m);
    }

    @Test
    void rowsWithPersonalDataInTextAndMapsButNotInNumbers() {
        assertEquals(Map.of("EMAIL_ADDRESS", 1L, "NATIONAL_ID_NUMBER", 1L), PersonalDataScan.rowsByKind(table()),
                "a count of 23456789 and the decimals of a rate are no one's phone or ID number");
    }

    @Test
    void rowsContainingKnownValuesLooksAtEveryColumn() {
        assertEquals(1, PersonalDataScan.rowsContaining(table(), List.of("23456789")));
        assertEquals(2, PersonalDataScan.rowsContaining(table(), List.of("15038512363")), "plain search: the map and the rate");
        assertEquals(0, PersonalDataScan.rowsContaining(table(), List.of("01010112377")));
    }

    @Test
    void textFilesAreScannedAndSkippedFoldersAreNot() throws Exception {
        Files.createDirectories(dir.resolve("reports"));
        Files.createDirectories(dir.resolve("warehouse"));
        Files.writeString(dir.resolve("reports/quality.html"), "<p>Ring 912 34 567</p>");
        Files.writeString(dir.resolve("reports/clean.json"), "{\"run\": \"run-20261130T134512Z-1a2b3c\", \"share\": 0.91234567}");
        Files.writeString(dir.resolve("reports/report.pdf"), "91234567");
        Files.writeString(dir.resolve("warehouse/v1.metadata.json"), "{\"total-files-size\": 23456789}");
        assertEquals(Map.of(dir.resolve("reports/quality.html"), Set.of(PersonalData.Kind.PHONE_NUMBER)),
                PersonalDataScan.files(dir, List.of(dir.resolve("warehouse"))));
        assertEquals(4, PersonalDataScan.regularFiles(dir).size());
    }
}
