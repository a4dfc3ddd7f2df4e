package no.trygg.jobs.gold.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.trygg.jobs.gold.disclosure.CellProtection;
import no.trygg.jobs.gold.disclosure.DisclosureRules;
import no.trygg.jobs.testing.TestWarehouse;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Flags, rates and intervals per cell: what a reader sees for 0, 2 (hidden), 5, 25 events and no staff. */
class IncidentRatesTest {

    static Map<String, Row> published() {
        StructType schema = new StructType().add("period_grain", DataTypes.StringType).add("period", DataTypes.StringType)
                .add("period_start", DataTypes.DateType).add("breakdown", DataTypes.StringType);
        for (Dimension d : IncidentCells.DIMENSIONS) schema = schema.add(d.column, DataTypes.StringType);
        schema = schema.add("incidents", DataTypes.LongType).add("fte_years", DataTypes.DoubleType)
                .add(CellProtection.SUPPRESSION, DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        Object[][] cells = {{"01", 0L, 50.0, null}, {"02", 2L, 50.0, Flags.PRIMARY_SMALL_COUNT}, {"03", 5L, 50.0, null},
                {"11", 25L, 50.0, null}, {"15", 7L, 50.0, Flags.SECONDARY}, {"18", 4L, 0.0, null}};
        for (Object[] c : cells) {
            rows.add(RowFactory.create("YEAR", "2024", Date.valueOf("2024-01-01"), "county_no", "ALL", c[0], "ALL", "ALL", "ALL", "ALL",
                    c[1], c[2], c[3]));
        }
        return IncidentRates.publish(TestWarehouse.spark().createDataFrame(rows, schema), DisclosureRules.DEFAULT).collectAsList()
                .stream().collect(Collectors.toMap(r -> r.getAs("county_no"), r -> r));
    }

    @Test
    void everyCellCarriesItsFlagAndOnlyWhatItMayShow() {
        Map<String, Row> p = published();
        Row zero = p.get("01");
        assertEquals(0L, zero.<Long>getAs("incidents"), "zeros are shown");
        assertNull(zero.getAs(IncidentRates.RATE), "no rate below 3 events");
        assertEquals(".", zero.getAs(Flags.FLAG));
        assertEquals(Flags.FEW_EVENTS_NO_RATE, zero.getAs(Flags.REASON));

        Row two = p.get("02");
        assertNull(two.getAs("incidents"));
        assertNull(two.getAs(IncidentRates.CI_UPPER), "an interval would give the count back");
        assertEquals(":", two.getAs(Flags.FLAG));
        assertEquals(Flags.HIDDEN, two.getAs(Flags.REASON), "one public reason: never which hidden cells are small");
        assertEquals(50.0, two.<Double>getAs("fte_years"), "the denominator stays");

        Row five = p.get("03");
        assertEquals(10.0, five.<Double>getAs(IncidentRates.RATE), 1e-12, "5 / 50 FTE-years × 100");
        // Garwood for 5: chi2.ppf(0.025, 10)/2 = 1.6234863901, chi2.ppf(0.975, 12)/2 = 11.6683320793 (SciPy), × 100/50.
        assertEquals(1.6234863901 * 2, five.<Double>getAs(IncidentRates.CI_LOWER), 1e-6);
        assertEquals(11.6683320793 * 2, five.<Double>getAs(IncidentRates.CI_UPPER), 1e-6);
        assertEquals("u", five.getAs(Flags.FLAG), "unreliable below 20 events");

        Row many = p.get("11");
        assertEquals(50.0, many.<Double>getAs(IncidentRates.RATE), 1e-12);
        assertEquals("", many.getAs(Flags.FLAG));
        assertEquals("Rogaland", many.getAs("county_name"), "county names by number, across reforms");

        assertEquals(Flags.HIDDEN, p.get("15").getAs(Flags.REASON));
        assertNull(p.get("15").getAs("incidents"));
        assertEquals(Flags.NO_DENOMINATOR, p.get("18").getAs(Flags.REASON));
        assertNull(p.get("18").getAs(IncidentRates.RATE));
    }
}
