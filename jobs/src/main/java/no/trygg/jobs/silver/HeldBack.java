package no.trygg.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import no.trygg.jobs.silver.Rejections.Reason;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Input that silver quarantined but that would still make a published number wrong: a register snapshot held back as
 * cut off while no later snapshot has been accepted, and an office-month whose only FTE figure is implausible (its rate would lose its
 * denominator). The silver build writes the reasons as a property of its quarantine commit; the quality gate reads
 * them and stops, so gold stays as it was until the export is fixed. The reasons name offices, months, files and
 * lines, never a person or free text.
 */
public final class HeldBack {

    public static final String PROPERTY = "trygg.held-back";
    private static final int EXAMPLES = 5;

    private HeldBack() {
    }

    public static String encode(List<String> reasons) {
        return String.join("\n", reasons);
    }

    public static List<String> decode(String property) {
        return property == null || property.isBlank() ? List.of() : Arrays.asList(property.split("\n"));
    }

    /** Suspect snapshots no later one has replaced: until a whole snapshot comes, offices would be closed or kept on a guess. */
    static List<String> suspectSnapshots(List<RegisterSnapshots.Suspect> suspects, double maxShare) {
        return suspects.stream().filter(RegisterSnapshots.Suspect::pending)
                .map(s -> "office_register: " + s.describe(maxShare) + ". Deliver the whole snapshot, or if the offices"
                        + " really closed, raise trygg.quality.max-vanished-share for one run")
                .toList();
    }

    /**
     * @param checked office_month rows with rejection columns
     * @param kept    the office_month rows that reach silver
     */
    static List<String> missingDenominators(Dataset<Row> checked, Dataset<Row> kept) {
        Dataset<Row> lost = checked.filter(col(Rejections.REASON).equalTo(Reason.IMPLAUSIBLE_VALUE.name()))
                .join(kept.select("office_id", "month"), new String[] {"office_id", "month"}, "left_anti").cache();
        try {
            long n = lost.count();
            if (n == 0) return List.of();
            List<String> examples = new ArrayList<>();
            for (Row r : lost.orderBy("month", "office_id").select(col("office_id"), date_format(col("month"), "yyyy-MM"),
                    col("source_file"), col("line_number")).limit(EXAMPLES).collectAsList()) {
                examples.add(r.getString(0) + " " + r.getString(1) + " (" + r.getString(2) + " line " + r.get(3) + ")");
            }
            return List.of("office_month: " + n + " office-month(s) have only an implausible FTE or headcount, so their"
                    + " rates would lose their denominator: " + String.join(", ", examples) + (n > EXAMPLES ? ", …" : "")
                    + ". Fix the figures in the export and run again");
        } finally {
            lost.unpersist();
        }
    }
}
