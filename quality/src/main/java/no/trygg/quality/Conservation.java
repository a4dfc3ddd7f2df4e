package no.trygg.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.trygg.jobs.bronze.BronzeTables;
import no.trygg.jobs.silver.Deduplication;
import no.trygg.jobs.silver.Quarantine;
import no.trygg.jobs.silver.SilverTables;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Row;

/**
 * Nothing is lost: every bronze row is either represented in silver (counted in {@code source_rows},
 * which includes merged repeats and superseded versions) or in quarantine. Checked per source.
 */
public final class Conservation {

    /** Silver table that represents each source's rows. */
    public static final Map<SourceFormat, String> SILVER_OF = Map.of(
            SourceFormat.OFFICE_REGISTER, SilverTables.OFFICE_HISTORY,
            SourceFormat.SECURITY_MEASURES, SilverTables.SECURITY_MEASURES,
            SourceFormat.OFFICE_MONTH, SilverTables.OFFICE_MONTH,
            SourceFormat.INCIDENTS, SilverTables.INCIDENTS,
            SourceFormat.STAFF_SURVEY, SilverTables.SURVEY_RESPONDENTS);

    public record SourceBalance(SourceFormat source, long bronzeRows, long silverRows, long representedRows,
                                long quarantinedRows) {
        public boolean holds() {
            return bronzeRows == representedRows + quarantinedRows;
        }

        public long lost() {
            return bronzeRows - representedRows - quarantinedRows;
        }
    }

    public record Result(List<SourceBalance> balances) {
        public boolean holds() {
            return balances.stream().allMatch(SourceBalance::holds);
        }
    }

    private Conservation() {
    }

    public static Result check(Warehouse warehouse) {
        List<SourceBalance> out = new ArrayList<>();
        for (SourceFormat s : SourceFormat.values()) {
            long bronze = warehouse.exists(Warehouse.BRONZE, BronzeTables.tableOf(s))
                    ? warehouse.read(Warehouse.BRONZE, BronzeTables.tableOf(s)).count() : 0;
            String silverTable = SILVER_OF.get(s);
            long silverRows = 0;
            long represented = 0;
            if (warehouse.exists(Warehouse.SILVER, silverTable)) {
                Row r = warehouse.read(Warehouse.SILVER, silverTable)
                        .agg(org.apache.spark.sql.functions.count("*"), sum(Deduplication.SOURCE_ROWS)).first();
                silverRows = r.getLong(0);
                represented = r.isNullAt(1) ? 0 : r.getLong(1);
            }
            long quarantined = warehouse.exists(Warehouse.SILVER, Quarantine.TABLE)
                    ? warehouse.read(Warehouse.SILVER, Quarantine.TABLE).filter(col("source").equalTo(s.folder)).count() : 0;
            out.add(new SourceBalance(s, bronze, silverRows, represented, quarantined));
        }
        return new Result(out);
    }
}
